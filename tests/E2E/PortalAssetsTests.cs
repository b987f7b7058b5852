using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ServerlessService.E2ETests;

/// <summary>The portal's files as the local host serves them: an icon, compressed text, long caching of hashed files only.</summary>
public sealed partial class PortalAssetsTests(PortalFixture portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheBrowserFindsTheIcon()
    {
        using var http = portal.App.Client();
        using var icon = await http.GetAsync("/favicon.ico", Ct);

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.StartsWith("image/", icon.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await icon.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("""rel="icon" """.Trim(), await http.GetStringAsync("/", Ct));
    }

    [Fact]
    public async Task HashedScriptsComeCompressedAndCachedForAYearWhileThePageIsAlwaysRevalidated()
    {
        using var http = portal.App.Client();
        using var page = await http.GetAsync("/", Ct);
        Assert.Equal("no-cache", CacheControl(page));
        var script = ScriptPath().Match(await page.Content.ReadAsStringAsync(Ct)).Value;
        Assert.StartsWith("/assets/", script);
        using var fallback = await http.GetAsync("/e/AAAAAAAAAA", Ct);
        Assert.Equal("no-cache", CacheControl(fallback));

        var plain = await http.GetByteArrayAsync(script, Ct);
        foreach (var (encoding, decompress) in new (string, Func<Stream, Stream>)[]
        {
            ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
            ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, script);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var r = await http.SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal([encoding], r.Content.Headers.ContentEncoding);
            Assert.Equal("public, max-age=31536000, immutable", CacheControl(r));
            var compressed = await r.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(compressed.Length < plain.Length / 2, $"{encoding}: {compressed.Length} of {plain.Length} bytes");
            using var unpacked = new MemoryStream();
            await decompress(new MemoryStream(compressed)).CopyToAsync(unpacked, Ct);
            Assert.Equal(plain, unpacked.ToArray());
        }
    }

    private static string CacheControl(HttpResponseMessage r) => r.Headers.NonValidated["Cache-Control"].ToString();

    [GeneratedRegex(@"/assets/index-[^""]+\.js")]
    private static partial Regex ScriptPath();
}
