using ServerlessService.Core.Common;

namespace ServerlessService.UnitTests;

public sealed class PhoneValidationTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+8613800138000")]
    public void NormalizesChineseMobileNumbersToE164(string input)
    {
        Assert.True(Phones.TryNormalize(input, out var e164));
        Assert.Equal("+8613800138000", e164);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("abc")]
    [InlineData("+86 138")]
    [InlineData("+1 555")]
    public void RejectsNumbersThatCannotExist(string input) => Assert.False(Phones.TryNormalize(input, out _));

    [Fact]
    public void MasksTheMiddleDigitsForDisplay() => Assert.Equal("+86138****8000", Phones.Mask("+8613800138000"));
}
