using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Client;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/member/{login|register|verify|reset|recover}</c>: the site's own forms, answered with a redirect.
/// Every POST needs the antiforgery token and is bounded per client (<see cref="FormRateLimit"/>). A logged-in member
/// goes on to Wix with the session token (prompt none) and comes back through the ordinary callback; anything else goes
/// back to <see cref="WixAuthWebOptions.MemberFormsPath"/> with <c>form</c> and a stable <c>error</c> code — never the
/// email, password or code, and the same <c>wrong_credentials</c> for an unknown email as for a wrong password. Each
/// attempt runs in a session of its own, so a failed one stores nothing.
/// </summary>
internal sealed class MemberFormEndpoints(
    WixAuthClientFactory clients, IMemberAuthApi api, LoginStart start, VerificationCookie verification, ReturnUrls returnUrls,
    WixAuthRoutes routes, IAntiforgery antiforgery, IOptions<WixAuthWebOptions> web, IOptions<WixAuthOptions> wix, ILoggerFactory loggers)
{
    public Task<IResult> LoginAsync(HttpContext context) => SubmitAsync(context, "login", (forms, form, ct) =>
        forms.LoginAsync(form["email"].ToString(), form["password"].ToString(), cancellationToken: ct));

    public Task<IResult> RegisterAsync(HttpContext context) => SubmitAsync(context, "register", (forms, form, ct) =>
        forms.RegisterAsync(form["email"].ToString(), form["password"].ToString(), Profile(form), cancellationToken: ct));

    public Task<IResult> VerifyAsync(HttpContext context) => SubmitAsync(context, "verify", async (forms, form, ct) =>
        verification.Read(context) is { } pending
            ? await forms.ProcessVerificationAsync(new MemberAuthStep.EmailVerificationRequired(new Secret(pending.StateToken), Identity(pending)),
                form["code"].ToString(), ct)
            : new MemberAuthError.NoVerificationPending());

    public Task<IResult> RecoverAsync(HttpContext context) => SubmitAsync(context, "recover", (forms, form, ct) =>
        forms.RecoverAsync(form["recoveryToken"].ToString(), form["password"].ToString(), ct));

    public async Task<IResult> ResetAsync(HttpContext context)
    {
        if (await CheckedFormAsync(context) is not { } form) return Refused(context);
        var link = routes.Absolute(context.Request, web.Value.MemberFormsPath + "?form=recover");
        var sent = await Forms().SendPasswordResetEmailAsync(form["email"].ToString(), link, routes.RedirectUri(context.Request), context.RequestAborted);
        // Whether the address belongs to a member is not told: an unknown one is answered as a sent mail.
        return sent.IsSuccess || sent.Error is MemberAuthError.MemberNotFound ? Back(context, "reset", null, done: true) : Back(context, "reset", sent.Error.Code);
    }

    private async Task<IResult> SubmitAsync(
        HttpContext context, string formName, Func<MemberAuthClient, IFormCollection, CancellationToken, Task<AuthResult<MemberAuthStep, MemberAuthError>>> submit)
    {
        if (await CheckedFormAsync(context) is not { } form) return Refused(context);
        var target = returnUrls.OrDefault(context.Request, form["returnUrl"].ToString());
        var step = await submit(Forms(), form, context.RequestAborted);
        if (!step.TryGetValue(out var reached, out var error))
            return Back(context, formName, error.IsWrongCredentials ? "wrong_credentials" : error.Code);
        switch (reached)
        {
            case MemberAuthStep.LoggedIn loggedIn:
                verification.Delete(context, routes.PathOf(context.Request));
                var member = loggedIn.Member.Case as MemberIdentity;
                var ticket = new PendingLoginTicket("", "", default, Prompt.None, member?.MemberId, member?.ContactId.Case as string);
                var mode = web.Value.ResponseMode;
                return await start.RedirectAsync(context, target, ticket, (client, data, ct) => client.GetAuthUrlAsync(data, loggedIn, mode, ct));
            case MemberAuthStep.EmailVerificationRequired pending:
                var named = pending.Member.Case as MemberIdentity;
                verification.Write(context, routes.PathOf(context.Request),
                    new VerificationTicket(pending.StateToken.Reveal(), named?.MemberId, named?.ContactId.Case as string, target), wix.Value.PendingLoginTtl);
                return Back(context, "verify", null);
            default:
                return Back(context, formName, reached.Code);
        }
    }

    private MemberAuthClient Forms() =>
        new(clients.CreateForOneLogin(), api, wix.Value, loggers.CreateLogger<MemberAuthClient>());

    private async Task<IFormCollection?> CheckedFormAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return await FormInput.ReadAsync(context) is { } form && await antiforgery.IsRequestValidAsync(context) ? form : null;
    }

    private static IResult Refused(HttpContext context) => HtmlPage.Render(context, "Form refused",
        "<p role=\"alert\">This form did not come from this site's page. Go back, reload the page and try again.</p>",
        StatusCodes.Status400BadRequest);

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
            ? new MemberProfile { FirstName = first, LastName = LanguageExt.Prelude.Optional(form["lastName"].ToString()).Filter(l => l.Length > 0) }
            : null;

    private static LanguageExt.Option<MemberIdentity> Identity(VerificationTicket pending) =>
        pending.MemberId is { } id ? new MemberIdentity(id, LanguageExt.Prelude.Optional(pending.ContactId), LanguageExt.Option<string>.None, LanguageExt.Option<bool>.None) : LanguageExt.Option<MemberIdentity>.None;

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
