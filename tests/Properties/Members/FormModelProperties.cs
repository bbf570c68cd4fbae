using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static Wix.Auth.Core.Members.MemberFormEvent;

namespace Wix.Auth.Tests.Properties.Members;

/// <summary>
/// Model-based test of the site's own forms: random sequences of forms and answers drive the real decider and the reference
/// model side by side; after every step they agree on the outcome, the next state, what the host keeps and the call, and
/// what the host keeps is always exactly the verification the state holds.
/// </summary>
public sealed class FormModelProperties
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_795_915_034);
    private static readonly Secret Visitor = new("at-visitor");

    private static readonly Gen<FormCommand> AnyCommand =
        from kind in Gen.Elements(Enum.GetValues<FormCommandKind>())
        from later in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, 120), Gen.Choose(300, 700))
        select new FormCommand(kind, later);

    private static readonly Gen<MemberFormSettings> AnySettings =
        from hide in Gen.Elements(false, true)
        from attempts in Gen.Choose(1, 4)
        select new MemberFormSettings { HideExistingMembersAtSignUp = hide, MaxCodeAttempts = attempts };

    [Property(MaxTest = 500)]
    public Property The_forms_follow_the_reference_model_and_the_host_keeps_exactly_the_states_verification() =>
        Prop.ForAll(AnySettings.ToArbitrary(), AnyCommand.ListOf().ToArbitrary(), (settings, commands) => Replay(settings, commands));

    [Property(MaxTest = 300)]
    public Property Verification_paths_with_noise_follow_the_model() =>
        Prop.ForAll(AnySettings.ToArbitrary(),
            Gen.Elements(FormCommandKind.Register, FormCommandKind.AnsweredVerify, FormCommandKind.RefusedExists, FormCommandKind.WrongCode,
                    FormCommandKind.RefusedWrongCode, FormCommandKind.RightCode, FormCommandKind.AnsweredLoggedIn, FormCommandKind.Login)
                .SelectMany(k => Gen.Choose(0, 300).Select(s => new FormCommand(k, s))).ListOf().ToArbitrary(),
            (settings, commands) => Replay(settings, commands));

    private static void Replay(MemberFormSettings settings, IEnumerable<FormCommand> commands)
    {
        var (state, model, now, kept) = (MemberFormFlow.Initial, FormReferenceModel.Initial, Start, (PendingVerification?)null);
        foreach (var command in commands)
        {
            now = now.AddSeconds(command.SecondsLater);
            var prediction = model.Step(command.Kind, now, settings, call => MemberAnswers.FromFailure(call, Refusal(command.Kind)));
            var result = MemberFormFlow.Transition(settings, state, EventFor(command.Kind, now));
            var actual = result.Match(_ => "ok", e => e.Code);
            Assert.True(prediction.Outcome == actual, $"{command.Kind} in {state}: model says {prediction.Outcome}, decider says {actual}");

            foreach (var decision in result.RightToSeq())
            {
                Assert.Equal(prediction.Next.Phase, decision.State.GetType().Name);
                Assert.Equal(prediction.Next.FailureCode, (decision.State as MemberFormState.Failed)?.Reason.Code);
                Assert.Equal(prediction.Actions, decision.Actions.Map(a => a.GetType().Name).ToArray());
                Assert.Equal(prediction.Calls, decision.Call.IsSome);
                foreach (var action in decision.Actions)
                    kept = action is MemberFormAction.KeepVerification k ? k.Verification : null;
                CheckRules(settings, state, decision, kept, prediction.Next, now);
                state = decision.State;
            }
            model = prediction.Next;
        }
    }

    private static void CheckRules(
        MemberFormSettings settings, MemberFormState before, MemberFormDecision decision, PendingVerification? kept, FormReferenceModel model, DateTimeOffset now)
    {
        // What the host keeps is exactly the verification the state holds: never one the state dropped, never one lost.
        var held = decision.State switch
        {
            MemberFormState.VerificationRequired v => v.Verification,
            MemberFormState.Failed f => f.Verification.Case as PendingVerification,
            MemberFormState.Awaiting a => a.Verification.Case as PendingVerification,
            _ => null,
        };
        Assert.Equal(held, kept);
        Assert.Equal(model.Verification, held is null ? null : new ModelVerification(held.IssuedAt, held.WrongCodes, held.Decoy));

        // Wrong codes stay below the bound, and no code is sent for a verification past its TTL.
        Assert.True(held is null || held.WrongCodes < settings.MaxCodeAttempts);
        if (decision.Call.Case is MemberFormCall.SendForState { Request: MemberAuthRequest.Verify } && held is not null)
            Assert.True(now - held.IssuedAt <= settings.VerificationTtl);

        // A decoy verification never logs anyone in.
        if (before is MemberFormState.Awaiting { Verification.Case: PendingVerification { Decoy: true } })
            Assert.IsNotType<MemberFormState.LoggedIn>(decision.State);
    }

    private static MemberFormEvent EventFor(FormCommandKind kind, DateTimeOffset now) => kind switch
    {
        FormCommandKind.Login => new LoginSubmitted(Visitor, "jane@example.com", new Secret("pw-1"), None, now),
        FormCommandKind.Register => new RegistrationSubmitted(Visitor, "jane@example.com", new Secret("pw-1"), None, None, new Secret("decoy"), now),
        FormCommandKind.RightCode => new CodeSubmitted(Visitor, new Secret("123456"), now),
        FormCommandKind.WrongCode => new CodeSubmitted(Visitor, new Secret("000000"), now),
        FormCommandKind.ResetMail => new ResetMailRequested(Visitor, "jane@example.com", "https://shop.example/reset", "cid"),
        FormCommandKind.NewPassword => new NewPasswordSubmitted(Visitor, new Secret("rec"), new Secret("pw-2"), now),
        FormCommandKind.AnsweredLoggedIn => Answer("SUCCESS", session: new Secret("st")),
        FormCommandKind.AnsweredVerify => Answer("REQUIRE_EMAIL_VERIFICATION", stateToken: new Secret("vt-" + now.ToUnixTimeSeconds())),
        FormCommandKind.AnsweredApproval => Answer("REQUIRE_OWNER_APPROVAL"),
        FormCommandKind.MailAccepted => new ResetMailAccepted(),
        _ => new CallRefused(Refusal(kind)),
    };

    private static StateAnswered Answer(string state, Secret? session = null, Secret? stateToken = null) =>
        new(new LoginStateReply(state, Optional(session), Optional(stateToken), None));

    private static IdentityFailure Refusal(FormCommandKind kind) => IdentityFailure.Of(kind switch
    {
        FormCommandKind.RefusedWrongPassword => new WixError("-19976", None, 400, None),
        FormCommandKind.RefusedNotFound => new WixError("-19999", None, 404, None),
        FormCommandKind.RefusedExists => new WixError("-19995", None, 409, None),
        FormCommandKind.RefusedWrongCode => new WixError("VERIFICATION_FAILED", None, 400, None),
        FormCommandKind.RefusedExpired => new WixError("INVALID_STATE_TOKEN", None, 400, None),
        _ => WixError.Of(WixError.Timeout),
    });
}
