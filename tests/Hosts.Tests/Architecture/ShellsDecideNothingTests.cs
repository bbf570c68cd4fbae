using System.Reflection;
using System.Reflection.Emit;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;

namespace Wix.Auth.Tests.Hosts.Architecture;

/// <summary>
/// The shells — the effects layer, the native login, the ASP.NET Core and Blazor hosts, the console, web and Blazor samples — decide no protocol rule: their
/// compiled code (IL, so no way of writing it escapes) never reads an expiry, a role, the TTL or the refresh margin,
/// never classes a Wix error, never branches on a kind of login state, and never compares or subtracts instants. They
/// ask the core's queries (<see cref="LoginQueries"/>) and feed it events.
/// </summary>
public sealed class ShellsDecideNothingTests
{
    private static readonly Assembly[] Shells =
    [
        typeof(Effects.Client.WixAuthClient).Assembly,
        typeof(AspNetCore.WixAuthWebOptions).Assembly,
        typeof(Native.SystemBrowser).Assembly,
        typeof(Samples.ConsoleLogin.ConsoleSession).Assembly,
        typeof(Samples.WebSite.WebSiteHost).Assembly,
        typeof(Blazor.Login.WixBrowserLogin).Assembly,
        typeof(Samples.BlazorWasm.Host.BlazorWasmHost).Assembly,
        typeof(Samples.BlazorWasm.Client.App).Assembly,
    ];

    // Members whose use means a rule is being decided: expiry times, roles, TTLs, the classing of Wix's errors (a shell
    // asks the request's RepeatPolicy whether to retry, never which failures are transient).
    private static readonly MemberInfo[] RuleMembers =
    [
        typeof(AccessToken).GetMethod(nameof(AccessToken.IsExpired))!,
        typeof(AccessToken).GetProperty(nameof(AccessToken.ExpiresAt))!.GetMethod!,
        typeof(PendingLogin).GetMethod(nameof(PendingLogin.IsExpired))!,
        typeof(PendingLogin).GetProperty(nameof(PendingLogin.CreatedAt))!.GetMethod!,
        typeof(Tokens).GetProperty(nameof(Tokens.Role))!.GetMethod!,
        typeof(RefreshToken).GetProperty(nameof(RefreshToken.Role))!.GetMethod!,
        typeof(FlowSettings).GetProperty(nameof(FlowSettings.PendingLoginTtl))!.GetMethod!,
        typeof(FlowSettings).GetProperty(nameof(FlowSettings.RefreshMargin))!.GetMethod!,
        typeof(WixError).GetProperty(nameof(WixError.IsDefinitive))!.GetMethod!,
        typeof(WixError).GetProperty(nameof(WixError.IsTransient))!.GetMethod!,
        typeof(WixError).GetMethod(nameof(WixError.IsTransientStatus))!,
        typeof(Core.Protocol.AttemptOutcome).GetProperty(nameof(Core.Protocol.AttemptOutcome.IsTransientFailure))!.GetMethod!,
    ];

    private static readonly string[] InstantOperators = ["op_LessThan", "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual", "op_Subtraction", "Compare", "CompareTo"];

    // Where instants are compared for a reason that is not the protocol's: a store forgetting its own entries on time.
    private static readonly string[] InstantComparisonsAllowedIn =
        ["Wix.Auth.Effects.Storage.InMemoryPendingLoginStore", "Wix.Auth.Blazor.Storage.BrowserPendingLoginStore"];

    // Where an expiry is read only to be shown: the demo site's home page prints when the token expires.
    private static readonly string[] ShownOnlyIn = ["Wix.Auth.Samples.WebSite.HomePage"];

    [Fact]
    public void No_shell_reads_an_expiry_a_role_a_ttl_or_classes_a_wix_error()
    {
        var offences = Uses(m => m is MethodBase method && RuleMembers.Contains(method))
            .Where(o => !ShownOnlyIn.Any(shown => o.StartsWith(shown + "+", StringComparison.Ordinal) || o.StartsWith(shown + ".", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(offences.Length == 0, "Decide these in the core (LoginQueries):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void No_shell_branches_on_a_kind_of_login_state()
    {
        var offences = Uses(m => m is Type type && type.IsNested && type.DeclaringType == typeof(LoginState));
        Assert.True(offences.Length == 0, "Ask LoginQueries instead of testing the state's kind:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void No_shell_compares_or_subtracts_instants()
    {
        var offences = Uses(m => m is MethodInfo { DeclaringType: var t } op && (t == typeof(DateTimeOffset) || t == typeof(DateTime)) && InstantOperators.Contains(op.Name))
            .Where(o => !InstantComparisonsAllowedIn.Any(allowed => o.StartsWith(allowed + ".", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(offences.Length == 0, "Expiry and age are the core's to judge:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_scan_sees_a_rule_decided_in_a_shell()
    {
        // A shell method written the way the rules used to be: the scan must catch each kind of offence in it.
        var method = typeof(ShellsDecideNothingTests).GetMethod(nameof(DecidesLikeAShellMustNot), BindingFlags.NonPublic | BindingFlags.Static)!;
        var used = MembersUsedBy(method).ToArray();
        Assert.Contains(typeof(AccessToken).GetMethod(nameof(AccessToken.IsExpired))!, used);
        Assert.Contains(typeof(Tokens).GetProperty(nameof(Tokens.Role))!.GetMethod!, used);
        Assert.Contains(typeof(LoginState.Authenticated), used);
        Assert.Contains(used, m => m is MethodInfo { Name: "op_Subtraction", DeclaringType: var t } && t == typeof(DateTimeOffset));
    }

    private static bool DecidesLikeAShellMustNot(LoginState state, Tokens tokens, DateTimeOffset now, DateTimeOffset began) =>
        state is LoginState.Authenticated && tokens.Role == TokenRole.Member && !tokens.AccessToken.IsExpired(now, TimeSpan.Zero) && now - began > TimeSpan.Zero;

    private static string[] Uses(Func<MemberInfo, bool> offending) =>
        [.. from assembly in Shells
            from type in assembly.GetTypes()
            from method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All))
            where method.DeclaringType == type
            from used in MembersUsedBy(method)
            where offending(used)
            select $"{type.FullName}.{method.Name} uses {used.DeclaringType?.Name}.{used.Name}"];

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    // Walks the method's IL and resolves every member or type token it names (calls, field loads, isinst, castclass, …).
    private static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var (typeArgs, methodArgs) = (method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // A token of a generic context the resolver cannot rebuild names nothing of the core's.
                }
                if (member is not null) yield return member;
            }
            i += OperandSize(code.OperandType, il, i);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
