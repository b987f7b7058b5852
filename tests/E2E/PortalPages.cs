using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>What several browser tests do on a page: sign in with an SMS code, draw a signature, attach a small image.</summary>
public static class PortalPages
{
    public const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    public static FilePayload Png(string name) => new() { Name = name, MimeType = "image/png", Buffer = Convert.FromBase64String(OnePixelPng) };

    /// <summary>On the sign-in page (zh-CN): phone, send code, read the code from the local SMS channel, sign in.</summary>
    public static async Task PhoneSignInAsync(IPage page, HttpClient admin, string phone)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "验证码已发送" })).ToBeVisibleAsync();
        await page.GetByLabel("验证码").FillAsync(await SmsAsync(admin, phone, "验证码", new Regex(@"\d{6}")));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    /// <summary>Draws a stroke across the signature box with the mouse, as a finger would.</summary>
    public static async Task SignAsync(IPage page)
    {
        var box = (await page.Locator("canvas.pad").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        foreach (var step in Enumerable.Range(1, 12))
            await page.Mouse.MoveAsync(box.X + 20 + step * 15, box.Y + box.Height / 2 + (step % 2 == 0 ? -20 : 20));
        await page.Mouse.UpAsync();
    }
}
