using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QRCoder;
using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>Reporting a fault by photographing the device's serial label: the code is read in the browser.</summary>
public sealed class SerialScanTests(PortalFixture portal)
{
    private static FilePayload Label(string serial) => new()
    {
        Name = "label.png", MimeType = "image/png",
        Buffer = new PngByteQRCode(QRCodeGenerator.GenerateQrCode(serial, QRCodeGenerator.ECCLevel.M)).GetGraphic(8),
    };

    [Fact]
    public async Task ScanningTheLabelChoosesTheDeviceOrFillsInAnUnknownSerial()
    {
        using var admin = await AdminAsync(portal.App);
        var phone = "+8613800132" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "孙先生", phone);
        foreach (var suffix in new[] { "A", "B" })
            await PostAsync(admin, "/api/devices", new { serialNumber = $"SN-S{suffix}-{line}", model = "AirPro " + suffix, productLine = line, customerId = (string)customer["id"]!, warrantyEndsOn = "2030-01-01" });
        var page = await portal.PageAsync("zh-CN");
        await page.GotoAsync(portal.Url("/my/report"));
        await PortalPages.PhoneSignInAsync(page, admin, phone);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my/report$"));

        // The second device's label (the list shows the first by default).
        var optionB = page.GetByLabel("设备", new() { Exact = true }).Locator("option", new() { HasText = "AirPro B" });
        await Assertions.Expect(optionB).ToHaveCountAsync(1);
        var serialB = (await optionB.TextContentAsync())!.Split(" · ")[1].Trim();
        await page.GetByLabel("拍摄序列号条码识别").SetInputFilesAsync(Label(serialB));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"已识别序列号 {serialB}");
        await Assertions.Expect(page.GetByLabel("设备", new() { Exact = true })).ToHaveValueAsync(serialB);

        // A label not on record: the serial is filled in for the customer to check.
        await page.GetByLabel("拍摄序列号条码识别").SetInputFilesAsync(Label("SN-NEW-" + line.ToUpperInvariant()));
        await Assertions.Expect(page.GetByLabel("序列号", new() { Exact = true })).ToHaveValueAsync("SN-NEW-" + line.ToUpperInvariant());

        // A photo with no code says so.
        await page.GetByLabel("拍摄序列号条码识别").SetInputFilesAsync(PortalPages.Png("blank.png"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("没有识别到条码");

        await page.GetByLabel("设备", new() { Exact = true }).SelectOptionAsync(serialB);
        await page.GetByLabel("故障描述").FillAsync("设备开机后报错 E5");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报修" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my/tickets/tkt-"));
        var id = Regex.Match(page.Url, "tkt-[0-9a-f]{32}").Value;
        var ticket = await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(serialB, (string)ticket!["serialNumber"]!);
    }
}
