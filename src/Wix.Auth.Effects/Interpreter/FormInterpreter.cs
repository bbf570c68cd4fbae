using LanguageExt;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Members;
using Wix.Auth.Effects.Logging;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Interpreter;

/// <summary>
/// Where I/O meets the forms' decider: resumes from the visitor's kept verification, feeds a submission to
/// <see cref="MemberFormFlow.Transition"/>, carries out each decision's actions on the kept verification, then its call,
/// and feeds the answer back until the flow rests. It decides nothing.
/// </summary>
internal sealed class FormInterpreter(MemberFormSettings settings, IMemberAuthApi api, IVerificationStore verifications, ILogger logger)
{
    /// <summary>One submission, to the state it rests in, or the decider's rejection.</summary>
    public async Task<Either<MemberAuthError, MemberFormState>> RunAsync(MemberFormEvent submitted, CancellationToken cancellationToken)
    {
        var state = MemberFormQueries.Resume(Optional(await verifications.ReadAsync(cancellationToken).ConfigureAwait(false)));
        for (var next = submitted; ;)
        {
            var decided = MemberFormFlow.Transition(settings, state, next);
            if (decided.Case is not MemberFormDecision decision)
            {
                var rejected = (MemberAuthError)decided.Case!;
                if (!ReferenceEquals(next, submitted)) MemberLog.AnswerRefused(logger, next.GetType().Name, rejected.Code);
                return rejected;
            }
            foreach (var action in decision.Actions) await CarryOutAsync(action, cancellationToken).ConfigureAwait(false);
            state = decision.State;
            if (decision.Call.Case is not MemberFormCall call) return state;
            next = await AnswerAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask CarryOutAsync(MemberFormAction action, CancellationToken cancellationToken) => action switch
    {
        MemberFormAction.KeepVerification keep => verifications.KeepAsync(keep.Verification, keep.TimeToLive, cancellationToken),
        MemberFormAction.ForgetVerification => verifications.ForgetAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    // A call, answered by its own success or failure event.
    private async Task<MemberFormEvent> AnswerAsync(MemberFormCall call, CancellationToken cancellationToken) => call switch
    {
        MemberFormCall.SendForState s => (await api.SendForStateAsync(s.Request, cancellationToken).ConfigureAwait(false)).Match<MemberFormEvent>(
            reply => new MemberFormEvent.StateAnswered(reply), failure => new MemberFormEvent.CallRefused(failure)),
        MemberFormCall.SendResetMail m => (await api.SendRecoveryEmailAsync(m.Request, cancellationToken).ConfigureAwait(false)).Match<MemberFormEvent>(
            _ => new MemberFormEvent.ResetMailAccepted(), failure => new MemberFormEvent.CallRefused(failure)),
        _ => throw new ArgumentOutOfRangeException(nameof(call)),
    };
}
