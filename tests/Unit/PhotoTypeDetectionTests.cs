using System.Text;
using ServerlessService.Core.Photos;

namespace ServerlessService.UnitTests;

public sealed class PhotoTypeDetectionTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "image/png")]
    public void RecognizesJpegAndPngByTheirFirstBytes(byte[] head, string expected) =>
        Assert.Equal(expected, PhotoTypes.Detect(head)?.ContentType);

    [Fact]
    public void RecognizesWebPAndHeic()
    {
        Assert.Equal("image/webp", PhotoTypes.Detect(Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 "))?.ContentType);
        Assert.Equal("image/heic", PhotoTypes.Detect(Encoding.ASCII.GetBytes("\0\0\0\u0018ftypheic\0\0\0\0"))?.ContentType);
    }

    [Theory]
    [InlineData("just some text, renamed to photo.jpg")]
    [InlineData("GIF89a.........")]
    [InlineData("%PDF-1.7 ......")]
    [InlineData("\0\0\0\u0018ftypmp42\0\0\0\0")]
    [InlineData("")]
    public void RefusesAnythingElseWhateverItsName(string content) =>
        Assert.Null(PhotoTypes.Detect(Encoding.Latin1.GetBytes(content)));

    [Fact]
    public void RefusesATruncatedPngSignature() =>
        Assert.Null(PhotoTypes.Detect(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
}
