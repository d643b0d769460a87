using Microsoft.Playwright;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>
/// Issue 5 in the browser: a recording (a real WebM video made with ffmpeg) is uploaded through the page with its
/// progress bar, the page is reloaded mid-way, the same file is chosen again and the upload resumes from the server's
/// offset (the bytes already sent are not sent again), and the stored record plays in the page's video player,
/// seeking with range requests that the access log records.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class MediaBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnUpload_ReloadedMidway_Resumes_AndThenPlays()
    {
        var video = Path.Combine(Path.GetTempPath(), $"sanxiang-{Guid.NewGuid():N}.webm");
        await ExternalTools.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=duration=6:size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:duration=6",
            "-c:v", "libvpx", "-b:v", "6M", "-c:a", "libvorbis", "-shortest", video]);
        try
        {
            var size = new FileInfo(video).Length;
            var page = await app.NewPageAsync();
            await new CasePages(page).SignInAsync("officer.market");

            // Slow each chunk down so that the reload lands mid-way; count the bytes the browser sends.
            long sentAfterReload = 0;
            var reloaded = false;
            await page.RouteAsync("**/api/media/uploads/*", async route =>
            {
                if (route.Request.Method == "PATCH")
                {
                    if (reloaded)
                    {
                        Interlocked.Add(ref sentAfterReload, route.Request.PostDataBuffer?.Length ?? 0);
                    }

                    await Task.Delay(250);
                }

                await route.ContinueAsync();
            });

            var chunk = 16 * 1024; // the 6-second test video is about 170 KiB: about ten chunks
            await page.GotoAsync($"/Media/Upload?chunk={chunk}");
            await page.Locator("#category").SelectOptionAsync("on-site");
            await page.Locator("#file").SetInputFilesAsync(video);
            await page.Locator("#start").ClickAsync();
            await page.WaitForFunctionAsync("() => Number(document.getElementById('progress').value) >= 25");
            (await page.Locator("#speed").InnerTextAsync()).ShouldEndWith("/秒");
            (await page.Locator("#eta").InnerTextAsync()).ShouldNotBe("—");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "media-upload-progress.png"), FullPage = true });

            await page.ReloadAsync();
            reloaded = true;
            await page.Locator("#file").SetInputFilesAsync(video);
            await page.WaitForFunctionAsync("() => document.getElementById('upload-form').dataset.state === 'resumable'");
            (await page.Locator("#message").InnerTextAsync()).ShouldContain("未完成的上传");
            var resumedAt = double.Parse(await page.Locator("#progress").GetAttributeAsync("value") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            resumedAt.ShouldBeGreaterThan(0);
            await page.Locator("#start").ClickAsync();
            await page.Locator("#result").WaitForAsync(new() { State = WaitForSelectorState.Visible });
            (await page.Locator("#message").InnerTextAsync()).ShouldContain("上传完成");
            (await page.Locator("#progress").GetAttributeAsync("value")).ShouldBe("100");
            sentAfterReload.ShouldBeLessThan(size, "the bytes sent before the reload were not sent again");
            sentAfterReload.ShouldBeGreaterThan(0);

            await page.Locator("#result-link").ClickAsync();
            await page.WaitForURLAsync("**/Media/Details/**");
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(video)));
            (await page.Locator("#sha256").InnerTextAsync()).ShouldBe(expected);
            (await page.Locator("main").InnerTextAsync()).ShouldContain("vp8");

            // Play, then seek near the end: the player fetches ranges.
            await page.WaitForFunctionAsync("() => document.getElementById('player').readyState >= 1");
            await page.EvaluateAsync("async () => { const v = document.getElementById('player'); v.muted = true; await v.play(); }");
            await page.WaitForFunctionAsync("() => document.getElementById('player').currentTime > 0.5");
            await page.EvaluateAsync("() => new Promise(r => { const v = document.getElementById('player'); v.addEventListener('seeked', r, { once: true }); v.currentTime = 5; })");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "media-playback.png"), FullPage = true });
            await page.ReloadAsync();
            (await page.Locator("#access").InnerTextAsync()).ShouldContain("bytes=");
        }
        finally
        {
            File.Delete(video);
        }
    }
}
