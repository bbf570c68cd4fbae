using System.Security.Cryptography;
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
/// Every POST needs the antiforgery token, checked before it is bounded per client (<see cref="FormRateLimit"/>). A logged-in member
/// goes on to Wix with the session token (prompt none) and comes back through the ordinary callback; anything else goes
/// back to <see cref="WixAuthWebOptions.MemberFormsPath"/> with <c>form</c> and a stable <c>error</c> code — never the
/// email, password or code, and the same <c>wrong_credentials</c> for an unknown email as for a wrong password. Each
/// attempt runs in a session of its own, so a failed one stores nothing.
/// </summary>
internal sealed class MemberFormEndpoints(
    WixAuthClientFactory clients, IMemberAuthApi api, LoginStart start, VerificationCookie verification, ReturnUrls returnUrls,
    WixAuthRoutes routes, IOptions<WixAuthWebOptions> web, IOptions<WixAuthOptions> wix, TimeProvider time, ILoggerFactory loggers)
{
    public Task<IResult> LoginAsync(HttpContext context) => SubmitAsync(context, "login", MemberAuthCall.Login, null, (forms, form, ct) =>
        forms.LoginAsync(form["email"].ToString(), form["password"].ToString(), cancellationToken: ct));

    public Task<IResult> RegisterAsync(HttpContext context) => SubmitAsync(context, "register", MemberAuthCall.Register, null, (forms, form, ct) =>
        forms.RegisterAsync(form["email"].ToString(), form["password"].ToString(), Profile(form), cancellationToken: ct));

    public async Task<IResult> VerifyAsync(HttpContext context)
    {
        var pending = verification.Read(context);
        var refused = pending is null
            ? LanguageExt.Prelude.Left<MemberAuthError, LanguageExt.Unit>(new MemberAuthError.NoVerificationPending())
            : MemberFormQueries.CheckVerificationAge(wix.Value.ToFlowSettings(), pending.IssuedAt, time.GetUtcNow());
        return await SubmitAsync(context, "verify", MemberAuthCall.Verify, pending, async (forms, form, ct) =>
        {
            if (refused.IsLeft) return refused.LeftToSeq().Head;
            var answer = await forms.ProcessVerificationAsync(
                new MemberAuthStep.EmailVerificationRequired(new Secret(pending!.StateToken), Identity(pending)), form["code"].ToString(), ct);
            return pending.Decoy && !answer.IsSuccess ? MemberFormQueries.DecoyVerificationAnswer() : answer;
        });
    }

    public Task<IResult> RecoverAsync(HttpContext context) => SubmitAsync(context, "recover", MemberAuthCall.Recover, null, (forms, form, ct) =>
        forms.RecoverAsync(form["recoveryToken"].ToString(), form["password"].ToString(), ct));

    public async Task<IResult> ResetAsync(HttpContext context)
    {
        if (await CheckedFormAsync(context) is not { } form) return Refused(context);
        // The link and the redirect URI start with the site's configured origin, never with the request's Host.
        var link = routes.Absolute(context.Request, web.Value.MemberFormsPath + "?form=recover");
        var sent = await Forms().SendPasswordResetEmailAsync(form["email"].ToString(), link, routes.RedirectUri(context.Request), context.RequestAborted);
        return sent.IsSuccess || MemberFormQueries.AnswersAsSuccess(MemberAuthCall.SendRecoveryEmail, sent.Error, web.Value.HideExistingMembersAtSignUp)
            ? Back(context, "reset", null, done: true)
            : Back(context, "reset", sent.Error.Code);
    }

    private async Task<IResult> SubmitAsync(
        HttpContext context, string formName, MemberAuthCall call, VerificationTicket? continued,
        Func<MemberAuthClient, IFormCollection, CancellationToken, Task<AuthResult<MemberAuthStep, MemberAuthError>>> submit)
    {
        if (await CheckedFormAsync(context) is not { } form) return Refused(context);
        // A verification goes back where its sign-up or login was going; anything else where its own form says.
        var target = returnUrls.OrDefault(context.Request, continued?.ReturnUrl ?? form["returnUrl"].ToString());
        var step = await submit(Forms(), form, context.RequestAborted);
        if (!step.TryGetValue(out var reached, out var error))
        {
            if (continued is not null && !MemberFormQueries.KeepsVerification(error)) verification.Delete(context, routes.PathOf(context.Request));
            if (MemberFormQueries.AnswersAsSuccess(call, error, web.Value.HideExistingMembersAtSignUp))
            {
                // Answered like a new member's sign-up: a code "was mailed", and every code for it is wrong.
                var decoy = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                verification.Write(context, routes.PathOf(context.Request),
                    new VerificationTicket(decoy, null, null, target, time.GetUtcNow(), Decoy: true), wix.Value.PendingLoginTtl);
                return Back(context, "verify", null);
            }
            return Back(context, formName, error.IsWrongCredentials ? "wrong_credentials" : error.Code);
        }
        switch (reached)
        {
            case MemberAuthStep.LoggedIn loggedIn:
                verification.Delete(context, routes.PathOf(context.Request));
                // The member the form named goes with the pending login (the core's), so it is never fetched again.
                var ticket = new PendingLoginTicket("", default, Prompt.None);
                var mode = web.Value.ResponseMode;
                return await start.RedirectAsync(context, target, ticket, (client, data, ct) => client.GetAuthUrlAsync(data, loggedIn, mode, ct));
            case MemberAuthStep.EmailVerificationRequired pending:
                var named = pending.Member.Case as MemberIdentity;
                verification.Write(context, routes.PathOf(context.Request),
                    new VerificationTicket(pending.StateToken.Reveal(), named?.MemberId, named?.ContactId.Case as string, target, time.GetUtcNow()),
                    wix.Value.PendingLoginTtl);
                return Back(context, "verify", null);
            default:
                return Back(context, formName, reached.Code);
        }
    }

    private MemberAuthClient Forms() =>
        new(clients.CreateForOneLogin(), api, wix.Value, loggers.CreateLogger<MemberAuthClient>());

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
