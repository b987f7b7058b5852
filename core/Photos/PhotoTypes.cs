using System.Text;

namespace ServerlessService.Core.Photos;

/// <summary>Decides an image's type from its first bytes; the client's Content-Type and file name are not trusted.</summary>
public static class PhotoTypes
{
    public const int HeaderLength = 16;

    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return ("image/jpeg", ".jpg");
        if (head.Length >= 8 && head[..8].SequenceEqual(Png)) return ("image/png", ".png");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", ".webp");
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && HeifBrands.Contains(Encoding.ASCII.GetString(head[8..12])))
            return ("image/heic", ".heic");
        return null;
    }

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
}
