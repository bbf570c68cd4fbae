using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Wix.Auth.Emulator.Testing;
using Wix.Auth.Tests.Shared;

namespace Wix.Auth.Tests.Packages;

/// <summary>
/// Ships what <c>dotnet pack</c> makes and uses it as a stranger would: every project under src/ packed (without a
/// warning) into a folder feed, the emulator installed from its tool package and started as <c>wix-emulator</c>, and a
/// fresh application that references the packages — not the projects — running the README's Quickstart against it.
/// A file, dependency or <c>InternalsVisibleTo</c> that project references hide fails here.
/// </summary>
public sealed partial class PackageTests : IDisposable
{
    private static readonly string Configuration =
        typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("wix-auth-packages-");

    // A version no earlier run used, restored into a packages folder of its own: nothing stale can be picked up.
    private readonly string version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{System.Environment.ProcessId}";

    private string Feed => Path.Combine(work.FullName, "feed");

    private Dictionary<string, string> Environment => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(work.FullName, "packages"),
        ["DOTNET_ROOT"] = DotnetRoot,
    };

    [Fact]
    public async Task The_packages_install_and_the_readme_quickstart_and_web_site_log_a_member_in_against_the_packed_emulator_tool()
    {
        var projects = Directory.GetFiles(RepoRoot.File("src"), "*.csproj", SearchOption.AllDirectories).Order().ToList();
        var packOutput = await PackAsync(projects);
        Assert.DoesNotMatch(Warning(), packOutput);
        foreach (var id in projects.Select(PackageIdOf))
            AssertShipped(id);

        await Cli.RunAsync("dotnet", ["tool", "install", "Wix.Auth.Emulator.Tool", "--version", version, "--tool-path", Dir("tools"),
            "--add-source", Feed, "--ignore-failed-sources"], work.FullName, Environment);
        var emulator = await StartEmulatorToolAsync();
        try
        {
            var consumer = WriteConsumer();
            await Cli.RunAsync("dotnet", ["run", "--configuration", "Release"], consumer,
                new Dictionary<string, string>(Environment) { ["WIX_CLIENT_ID"] = "demo-client-id", ["WIX_API_BASE_URL"] = emulator.Url });

            // What the Quickstart did, as the emulator saw it: a code exchanged for a member's tokens, a logout session.
            using var http = new HttpClient();
            var requests = JsonNode.Parse(await http.GetStringAsync(emulator.Url + "/_emulator/requests"))!.AsArray();
            Assert.Contains(requests, r => Is(r, "token", "authorization_code", 200));
            Assert.Contains(requests, r => Is(r, "redirect-session", "logout", 200));

            await RunWebSiteBlockAsync(emulator.Url);
            await RunFormsBlockAsync(emulator.Url);
        }
        finally
        {
            emulator.Process.Kill(entireProcessTree: true);
            await emulator.Process.WaitForExitAsync();
            emulator.Process.Dispose();
        }
    }

    public void Dispose() => work.Delete(recursive: true);

    // A project's package: its PackageId when it names one (the client's is Wix.Auth), else the project's own name.
    private static string PackageIdOf(string project) =>
        System.Xml.Linq.XDocument.Load(project).Descendants("PackageId").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);

    /// <summary>
    /// The README's ASP.NET Core block as a fresh site, started as the README prints it (no Redis, pointed at the emulator
    /// by <c>--Wix:ApiBaseUrl</c>), and a member who logs in at <c>/auth/login</c> and lands on its <c>/</c>.
    /// </summary>
    private async Task RunWebSiteBlockAsync(string emulatorUrl)
    {
        var site = WriteBlockProject("site", "Web.csproj.template", Quickstart.ExtractWebSite(File.ReadAllText(RepoRoot.File("README.md"))));
        await Cli.RunAsync("dotnet", ["build", "--configuration", "Release", "-nodeReuse:false"], site, Environment);

        var url = $"http://127.0.0.1:{FreePort()}";
        using var process = Process.Start(Cli.Info("dotnet", ["run", "--no-build", "--configuration", "Release", "--",
            "--urls", url, "--Wix:ClientId", "demo-client-id", "--Wix:ApiBaseUrl", emulatorUrl], site, Environment))!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var browser = new EmulatorBrowser();
            Assert.Equal("Not logged in: open /auth/login to log in.", await PageAsync(browser, url + "/", process, log));

            var wixLogin = await browser.FollowAsync(url + "/auth/login");
            Assert.StartsWith(emulatorUrl, wixLogin.ToString());
            var callback = await browser.SignInAsync(wixLogin.ToString(), "ada@example.com", "lovelace");
            Assert.StartsWith(url + "/auth/callback?", callback.ToString());
            Assert.Equal(new Uri(url + "/"), await browser.FollowAsync(callback.ToString()));
            Assert.Equal("Logged in as the Wix member a11ce000-0000-4000-8000-000000000001.", await PageAsync(browser, url + "/", process, log));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// The README's block for the site's own login form, as a fresh console program on the packages: Ada's email and
    /// password against the emulator answer the step <c>logged_in</c>.
    /// </summary>
    private async Task RunFormsBlockAsync(string emulatorUrl)
    {
        var forms = WriteBlockProject("forms", "Consumer.csproj.template", Quickstart.ExtractForms(File.ReadAllText(RepoRoot.File("README.md"))));

        var printed = await Cli.RunAsync("dotnet", ["run", "--configuration", "Release"], forms,
            new Dictionary<string, string>(Environment) { ["WIX_CLIENT_ID"] = "demo-client-id", ["WIX_API_BASE_URL"] = emulatorUrl });

        Assert.Equal("logged_in", printed.Trim().Split('\n')[^1].Trim());
    }

    /// <summary>A fresh project named <paramref name="name"/> on the packages (<paramref name="template"/>), with a README block as its Program.cs.</summary>
    private string WriteBlockProject(string name, string template, string program)
    {
        var folder = Dir(name);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"),
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", template)).Replace("{VERSION}", version));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        File.Copy(Path.Combine(Dir("consumer"), "nuget.config"), Path.Combine(folder, "nuget.config"));
        return folder;
    }

    /// <summary>The page's text, once the site answers (it is still starting when first asked).</summary>
    private static async Task<string> PageAsync(EmulatorBrowser browser, string url, Process site, StringBuilder log)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await browser.GetAsync(url);
                Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}:\n{log}");
                return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException) when (attempt < 600 && !site.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Packs the already built projects in one build, through a solution filter made of them.</summary>
    private async Task<string> PackAsync(IEnumerable<string> projects)
    {
        var filter = Path.Combine(work.FullName, "packages.slnf");
        var solution = RepoRoot.File("WixAuthFp.sln");
        var filterJson = new JsonObject
        {
            ["solution"] = new JsonObject
            {
                ["path"] = solution,
                ["projects"] = new JsonArray(projects.Select(p => (JsonNode)Path.GetRelativePath(RepoRoot.Path, p)).ToArray()),
            },
        };
        await File.WriteAllTextAsync(filter, filterJson.ToJsonString());
        return await Cli.RunAsync("dotnet", ["pack", filter, "--no-build", "--configuration", Configuration, "--output", Feed,
            $"-p:PackageVersion={version}", "-nodeReuse:false"], RepoRoot.Path, Environment);
    }

    /// <summary>The package and its symbol package, with the licence and the readme inside.</summary>
    private void AssertShipped(string id)
    {
        var package = Path.Combine(Feed, $"{id}.{version}.nupkg");
        Assert.True(File.Exists(package), $"{id} was not packed.");
        Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), $"{id} has no symbol package.");
        using var zip = ZipFile.OpenRead(package);
        var files = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("LICENSE", files);
        Assert.Contains("README.md", files);
        var nuspec = new StreamReader(zip.GetEntry($"{id}.nuspec")!.Open()).ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.Matches("<description>.{20,}</description>", nuspec);
    }

    /// <summary>A console project that references the packages, with the Quickstart as its Program.cs.</summary>
    private string WriteConsumer()
    {
        var consumer = Dir("consumer");
        var template = Path.Combine(AppContext.BaseDirectory, "Consumer");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"),
            File.ReadAllText(Path.Combine(template, "Consumer.csproj.template")).Replace("{VERSION}", version));
        File.Copy(Path.Combine(template, "Member.cs"), Path.Combine(consumer, "Member.cs"));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), Quickstart.ForEmulator(Quickstart.Extract(File.ReadAllText(RepoRoot.File("README.md")))));
        // The folder feed first; the machine's own sources stay for third-party packages, read from its cache when there.
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><add key="wix-auth-under-test" value="{Feed}" /></packageSources>
              <fallbackPackageFolders><add key="machine" value="{MachinePackages}" /></fallbackPackageFolders>
            </configuration>
            """);
        return consumer;
    }

    private async Task<(Process Process, string Url)> StartEmulatorToolAsync()
    {
        var process = Process.Start(Cli.Info(Path.Combine(Dir("tools"), "wix-emulator"), ["--urls", "http://127.0.0.1:0"], work.FullName, Environment))!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var banner = new List<string>();
        while (!banner.Any(l => ListeningOn().IsMatch(l)))
            banner.Add(await process.StandardOutput.ReadLineAsync(cts.Token)
                ?? throw new InvalidOperationException("wix-emulator exited: " + await process.StandardError.ReadToEndAsync()));
        return (process, ListeningOn().Match(string.Join('\n', banner)).Groups[1].Value);
    }

    private static bool Is(JsonNode? request, string endpoint, string detail, int status) =>
        (string?)request?["endpoint"] == endpoint && (string?)request["detail"] == detail && (int?)request["status"] == status;

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(work.FullName, name)).FullName;

    private static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static string MachinePackages => System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
        ? configured
        : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [GeneratedRegex(@"listening on\s+(http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"warning [A-Z]+\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Warning();
}
