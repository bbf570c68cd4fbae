using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Emulator;
using Wix.Auth.Samples.WebSite;

namespace Wix.Auth.Load.Sites;

/// <summary>
/// The floor of a site's login (issue 24): the demo site's three requests (<c>/auth/login</c>, the callback,
/// <c>/account</c>) with the same four calls to Wix, byte for byte the bodies and headers the library sends, and the same
/// members' page, but no auth logic: no checks, no store but a dictionary, plain cookies, no Data Protection, no retries,
/// no logging. What a login costs beyond it is what the library adds.
/// </summary>
internal static class FloorSite
{
    private sealed record Session(string AccessToken, string? RefreshToken, string MemberId);

    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(Uri wixApi)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = wixApi };
        var pending = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var sessions = new ConcurrentDictionary<string, Session>(StringComparer.Ordinal);

        app.MapGet("/auth/login", async context =>
        {
            using var visitor = await BareWixPost.PostAsync(http, "/oauth2/token", null, BareWixPost.TokenGateway, w =>
            {
                w.WriteString("clientId", DemoData.ClientId);
                w.WriteString("grantType", "anonymous");
            });
            var verifier = Random();
            var state = Random();
            using var redirect = await BareWixPost.PostAsync(http, "/_api/redirects-api/v1/redirect-session", BareWixPost.Text(visitor, "access_token"), BareWixPost.SessionGateway, w =>
                BareWixPost.WriteLoginSession(w, DemoData.ClientId, CallbackOf(context.Request), verifier, state, "query"));
            pending[state] = verifier;
            context.Response.Cookies.Append("floor.login", state, new CookieOptions { HttpOnly = true, Path = "/auth" });
            context.Response.Redirect(redirect.RootElement.GetProperty("redirectSession").GetProperty("fullUrl").GetString()!);
        });

        app.MapGet("/auth/callback", async context =>
        {
            var state = context.Request.Query["state"].ToString();
            if (context.Request.Cookies["floor.login"] != state || !pending.TryRemove(state, out var verifier))
            {
                context.Response.StatusCode = 400;
                return;
            }
            using var tokens = await BareWixPost.PostAsync(http, "/oauth2/token", null, BareWixPost.TokenGateway, w =>
            {
                w.WriteString("clientId", DemoData.ClientId);
                w.WriteString("grantType", "authorization_code");
                w.WriteString("redirectUri", CallbackOf(context.Request));
                w.WriteString("code", context.Request.Query["code"].ToString());
                w.WriteString("codeVerifier", verifier);
            });
            var access = BareWixPost.Text(tokens, "access_token")!;
            using var info = await BareWixPost.PostAsync(http, "/oauth2/token-info", null, BareWixPost.InfoGateway, w => w.WriteString("token", access));
            var id = Random();
            sessions[id] = new Session(access, BareWixPost.Text(tokens, "refresh_token"), BareWixPost.Text(info, "subjectId")!);
            context.Response.Cookies.Delete("floor.login", new CookieOptions { Path = "/auth" });
            context.Response.Cookies.Append("floor.session", id, new CookieOptions { HttpOnly = true });
            context.Response.Redirect("/account");
        });

        app.MapGet("/account", context =>
        {
            if (context.Request.Cookies["floor.session"] is not { } id || !sessions.TryGetValue(id, out var session))
            {
                context.Response.StatusCode = 401;
                return Task.CompletedTask;
            }
            return HomePage.Page(context, "Members' page", "<p id=\"status\">Only members see this page: a visitor who opens it logs in first and comes back here.</p>"
                + $"<p>You are the Wix member <code>{HomePage.Encode(session.MemberId)}</code>.</p>").ExecuteAsync(context);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address + "/"));
    }

    private static string CallbackOf(HttpRequest request) => $"{request.Scheme}://{request.Host}/auth/callback";

    private static string Random() => Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
}
