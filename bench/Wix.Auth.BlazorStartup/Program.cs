using System.Globalization;
using Microsoft.Playwright;

// Time to interactive of a Blazor WebAssembly app in Debian's Chromium (headless, no browser download): for each run a
// fresh context (empty HTTP cache and Cache Storage) loads the page until <selector> is shown — the app has booted .NET,
// loaded its assemblies and rendered — and then reloads it once (warm: the assemblies come from the browser's caches).
// Prints one line per run and the medians, in milliseconds since navigation start, and the bytes the cold load fetched.
// Usage: Wix.Auth.BlazorStartup <url> <selector> [runs]
if (args.Length < 2) { Console.Error.WriteLine("usage: Wix.Auth.BlazorStartup <url> <selector> [runs]"); return 2; }
var (url, selector) = (args[0], args[1]);
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const string Elapsed = "() => performance.now()";
const string Fetched = "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.encodedBodySize, 0)";
var (cold, warm, bytes) = (new List<double>(), new List<double>(), new List<double>());
for (var run = 0; run <= runs; run++)
{
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    var console = new List<string>();
    page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
    await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
    try
    {
        await page.Locator(selector).WaitForAsync(new() { Timeout = 60_000 });
    }
    catch (TimeoutException)
    {
        Console.Error.WriteLine($"{selector} never showed; the page's console:\n{string.Join("\n", console)}");
        return 1;
    }
    var coldMs = await page.EvaluateAsync<double>(Elapsed);
    var fetched = await page.EvaluateAsync<double>(Fetched);
    await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
    await page.Locator(selector).WaitForAsync(new() { Timeout = 60_000 });
    var warmMs = await page.EvaluateAsync<double>(Elapsed);
    if (run == 0) continue;   // the first run warms the browser process and the server's file cache
    cold.Add(coldMs);
    warm.Add(warmMs);
    bytes.Add(fetched);
    Console.WriteLine($"run {run}: cold {coldMs:F0} ms, warm {warmMs:F0} ms, fetched {fetched:F0} bytes");
}
Console.WriteLine($"median: cold {Median(cold):F0} ms, warm {Median(warm):F0} ms, fetched {Median(bytes):F0} bytes");
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
