using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/member/{login|register|verify|reset|recover}</c>: the site's own forms, answered with a redirect.
/// Every POST needs the antiforgery token, checked before it is bounded per client (<see cref="FormRateLimit"/>). The
/// forms' decider (<see cref="MemberAuthClient"/>) decides each answer, and what the visitor's verification cookie keeps;
/// this class only renders it. A logged-in member goes on to Wix with the session token (prompt none) and comes back
/// through the ordinary callback; anything else goes back to <see cref="WixAuthWebOptions.MemberFormsPath"/> with
/// <c>form</c> and the core's stable <c>error</c> code — never the email, password or code. Each attempt runs in a
/// session of its own, so a failed one stores nothing.
/// </summary>
internal sealed class MemberFormEndpoints(
    WixAuthClientFactory clients, IMemberAuthApi api, LoginStart start, VerificationCookie verification, ReturnUrls returnUrls,
    WixAuthRoutes routes, IOptions<WixAuthWebOptions> web, IOptions<WixAuthOptions> wix, TimeProvider time, IEntropySource entropy,
    ILoggerFactory loggers)
{
    private readonly MemberFormSettings settings = wix.Value.ToMemberFormSettings() with { HideExistingMembersAtSignUp = web.Value.HideExistingMembersAtSignUp };

    public Task<IResult> LoginAsync(HttpContext context) => SubmitAsync(context, "login", (forms, form, ct) =>
        forms.LoginAsync(form["email"].ToString(), form["password"].ToString(), returnUrl: form["returnUrl"].ToString(), cancellationToken: ct));

    public Task<IResult> RegisterAsync(HttpContext context) => SubmitAsync(context, "register", (forms, form, ct) =>
        forms.RegisterAsync(form["email"].ToString(), form["password"].ToString(), Profile(form), returnUrl: form["returnUrl"].ToString(), cancellationToken: ct));

    public Task<IResult> VerifyAsync(HttpContext context) => SubmitAsync(context, "verify", (forms, form, ct) =>
        forms.ProcessVerificationAsync(form["code"].ToString(), ct));

    public Task<IResult> RecoverAsync(HttpContext context) => SubmitAsync(context, "recover", (forms, form, ct) =>
        forms.RecoverAsync(form["recoveryToken"].ToString(), form["password"].ToString(), ct));

    public async Task<IResult> ResetAsync(HttpContext context)
    {
        if (await CheckedFormAsync(context) is not { } form) return Refused(context);
        // The link and the redirect URI start with the site's configured origin, never with the request's Host.
        var link = routes.Absolute(context.Request, web.Value.MemberFormsPath + "?form=recover");
        var sent = await Forms(context).SendPasswordResetEmailAsync(form["email"].ToString(), link, routes.RedirectUri(context.Request), context.RequestAborted);
        return sent.IsSuccess ? Back(context, "reset", null, done: true) : Back(context, "reset", sent.Error.Code);
    }

    private async Task<IResult> SubmitAsync(
        HttpContext context, string formName, Func<MemberAuthClient, IFormCollection, CancellationToken, Task<AuthResult<MemberAuthStep, MemberAuthError>>> submit)
    {
        if (await CheckedFormAsync(context) is not { } form) return Refused(context);
        var step = await submit(Forms(context), form, context.RequestAborted);
        if (!step.TryGetValue(out var reached, out var error)) return Back(context, formName, error.Code);
        switch (reached)
        {
            case MemberAuthStep.LoggedIn loggedIn:
                // The member the form named goes with the pending login (the core's), so it is never fetched again.
                var ticket = new PendingLoginTicket("", default, Prompt.None);
                var mode = web.Value.ResponseMode;
                var target = returnUrls.OrDefault(context.Request, loggedIn.ReturnTo);
                return await start.RedirectAsync(context, target, ticket, (client, data, ct) => client.GetAuthUrlAsync(data, loggedIn, mode, ct));
            case MemberAuthStep.EmailVerificationRequired:
                return Back(context, "verify", null);
            default:
                return Back(context, formName, reached.Code);
        }
    }

    // The forms of this request's visitor: a session of its own, and the verification their cookie carries.
    private MemberAuthClient Forms(HttpContext context) =>
        new(clients.CreateForOneLogin(), api, wix.Value, loggers.CreateLogger<MemberAuthClient>(),
            new CookieVerificationStore(context, verification, routes.PathOf(context.Request)), time, entropy, settings);
    // FormRateLimit has checked the antiforgery token before counting the attempt; the form is read once.
    private static Task<IFormCollection?> CheckedFormAsync(HttpContext context) => FormInput.ReadAsync(context);

    private static IResult Refused(HttpContext context) => LoginRateLimit.Refused(context);

    // 303: the browser follows with a GET, so a reload never sends the password again.
    private SeeOther Back(HttpContext context, string form, string? error, bool done = false)
    {
        var query = QueryString.Create("form", form);
        if (error is not null) query += QueryString.Create("error", error);
        if (done) query += QueryString.Create("done", "1");
        return new SeeOther(context.Request.PathBase + web.Value.MemberFormsPath + query);
    }

    private static MemberProfile? Profile(IFormCollection form) =>
        form["firstName"].ToString() is { Length: > 0 } first
            ? new MemberProfile { FirstName = first, LastName = form["lastName"].ToString() is { Length: > 0 } last ? last : null }
            : null;

    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
