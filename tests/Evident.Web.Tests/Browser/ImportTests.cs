using System.Text;
using Microsoft.Playwright;

namespace Evident.Web.Tests.Browser;

/// <summary>A file uploaded through the Imports page is previewed, imported in the background and counted.</summary>
[Collection(BrowserSiteGroup.Name)]
public sealed class ImportTests(BrowserSite site)
{
    /// <summary>Three good rows and, on line 4, one whose date no one can read.</summary>
    private const string Upload =
        "id,date,channel,score,comment\n"
        + "up-1,2026-10-21,web,9,Booking online took two minutes and the reminder came on time.\n"
        + "up-2,2026-10-22,phone,3,On hold for 25 minutes again before anyone answered.\n"
        + "up-3,the day before yesterday,phone,5,This row has a date no one can read.\n"
        + "up-4,2026-10-23,chat,7,The chat answered quickly and fixed my bill.\n";

    private const string RejectedLine = "4";

    [SkippableFact]
    public async Task An_uploaded_csv_is_previewed_imported_and_its_rows_counted_with_the_rejected_line()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var tab = await site.SignedInAsync(BrowserSite.Analyst);
        var page = tab.Page;
        await tab.OpenAsync("/imports");

        await page.SetInputFilesAsync("#import-upload input[type=file][name=file]",
            new FilePayload { Name = "browser-upload.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Upload) });
        await page.SelectOptionAsync("#import-upload select[name=kind]", "feedback");
        await page.ClickAsync("#import-upload [type=submit]");

        var preview = page.Locator("#import-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync("Booking online took two minutes");
        await page.ClickAsync("#import-start");

        var status = page.Locator("#import-status");
        await Assertions.Expect(status).ToBeVisibleAsync();
        Assert.Matches("^/imports/[^/]+$", new Uri(page.Url).AbsolutePath);
        Assert.Equal("completed", await WaitUntilDoneAsync(page, status));
        Assert.Equal("3", (await page.Locator("#import-imported").InnerTextAsync()).Trim());
        Assert.Equal("1", (await page.Locator("#import-rejected").InnerTextAsync()).Trim());
        string[] cells = await page.Locator("#import-rejects td").EvaluateAllAsync<string[]>("cells => cells.map(c => c.textContent.trim())");
        Assert.Contains(RejectedLine, cells);
        Assert.Empty(tab.Problems);
    }

    [SkippableFact]
    public async Task A_workbook_whose_dates_read_either_way_is_imported_once_told_how_to_read_them()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        await using var tab = await site.SignedInAsync(BrowserSite.Analyst);
        var page = tab.Page;
        await tab.OpenAsync("/imports");
        // Dates typed as text, each of which reads as a day of March or of April.
        byte[] workbook = Workbook.Bytes(
        [
            ["Response ID", "Date", "NPS", "Comment"],
            ["wb-1", "03/04/2026", 9, "The nurse was kind and quick."],
            ["wb-2", "04/03/2026", 2, "Nobody called me back about my results."],
        ]);

        await page.SetInputFilesAsync("#import-upload input[type=file][name=file]",
            new FilePayload { Name = "browser-workbook.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = workbook });
        await page.SelectOptionAsync("#import-upload select[name=kind]", "feedback");
        await page.ClickAsync("#import-upload [type=submit]");

        await Assertions.Expect(page.Locator("#import-format")).ToHaveTextAsync("Excel workbook");
        await Assertions.Expect(page.Locator("#import-preview")).ToContainTextAsync("can be read day-first or month-first");
        await page.SelectOptionAsync("#import-dates", "day-first");
        await page.ClickAsync("button[formaction='/imports?handler=preview']");
        await Assertions.Expect(page.Locator("p.notice", new PageLocatorOptions { HasText = "are read day-first, as --dates says" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#import-preview")).Not.ToContainTextAsync("rejected");
        await page.ClickAsync("#import-start");

        var status = page.Locator("#import-status");
        await Assertions.Expect(status).ToBeVisibleAsync();
        Assert.Equal("completed", await WaitUntilDoneAsync(page, status));
        Assert.Equal("2", (await page.Locator("#import-imported").InnerTextAsync()).Trim());
        Assert.Equal("0", (await page.Locator("#import-rejected").InnerTextAsync()).Trim());
        Assert.Empty(tab.Problems);
    }

    /// <summary>
    /// The import runs in the background: reloads the status page until it says completed or failed. Whether the page
    /// refreshes itself is its own business; a reload that races its refresh is harmless.
    /// </summary>
    private static async Task<string> WaitUntilDoneAsync(IPage page, ILocator status)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            string text = (await status.InnerTextAsync()).Trim();
            if (text is "completed" or "failed" || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(500);
            try
            {
                await page.ReloadAsync();
            }
            catch (PlaywrightException)
            {
                // The page navigated by itself at the same moment; the next look reads whichever page won.
            }
        }
    }
}
