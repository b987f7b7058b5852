using System.Text;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Sms;

namespace ServerlessService.UnitTests;

public sealed class SmsSigningAndLengthTests
{
    /// <summary>Expected values computed outside .NET (Python hmac/hashlib) from the documented steps.</summary>
    [Fact]
    public void AcsRequestsAreSignedAsTheWorkedExampleSays()
    {
        var key = Convert.FromBase64String("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        var body = Encoding.UTF8.GetBytes("{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+8613800138000\"}],\"message\":\"你好\"}");

        var signed = AcsSigner.Sign("POST", "/sms?api-version=2021-03-07", "contoso.communication.azure.com",
            DateTimeOffset.Parse("2026-11-25T16:00:00+08:00"), body, key);

        Assert.Equal("Wed, 25 Nov 2026 08:00:00 GMT", signed.Date);
        Assert.Equal("6yYcegWgFz2PVTeymoM4iXOs/7CvoLVP0NmtHykHFN0=", signed.ContentHash);
        Assert.Equal("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=wpqb5ttQjuT3vFgYjl2OvPkIR1Kb+DQoJfmE0o0ScCs=", signed.Authorization);
    }

    [Fact]
    public void DingTalkSignaturesMatchTheWorkedExample() =>
        Assert.Equal("+RdvyoXfvomCXMPuuY1Gff2XrP8ImR2+Nu8JfhPBhbg=", RobotClient.DingTalkSign("1764057600000", "SEC0123456789abcdef"));

    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", true)]
    [InlineData("Endpoint=https://contoso.communication.azure.com/ ; AccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", true)]
    [InlineData("endpoint=http://contoso.communication.azure.com/;accesskey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", false)]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=not base64!", false)]
    [InlineData("accesskey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", false)]
    [InlineData("", false)]
    public void ConnectionStringsAreParsedStrictly(string text, bool valid) => Assert.Equal(valid, AcsConnection.TryParse(text, out _));

    [Theory]
    [InlineData(160, "GSM-7", 1)]
    [InlineData(161, "GSM-7", 2)]
    [InlineData(306, "GSM-7", 2)]
    [InlineData(307, "GSM-7", 3)]
    public void PlainTextCountsInGsm7Segments(int length, string encoding, int segments)
    {
        var m = SmsSegments.Measure(new string('a', length));
        Assert.Equal((encoding, segments), (m.Encoding, m.Segments));
    }

    [Fact]
    public void ExtensionCharactersCountTwice()
    {
        var m = SmsSegments.Measure(new string('a', 158) + "€");
        Assert.Equal((SmsSegments.Gsm7, 160, 1), (m.Encoding, m.Units, m.Segments));
        Assert.Equal(2, SmsSegments.Measure(new string('a', 159) + "€").Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void ChineseIsUcs2With70Or67CharactersASegment(int length, int segments)
    {
        var m = SmsSegments.Measure(new string('修', length));
        Assert.Equal((SmsSegments.Ucs2, segments), (m.Encoding, m.Segments));
    }

    [Fact]
    public void OneChineseCharacterTurnsTheWholeMessageIntoUcs2() =>
        Assert.Equal(SmsSegments.Ucs2, SmsSegments.Measure("Ticket 261125-0001 已受理").Encoding);
}
