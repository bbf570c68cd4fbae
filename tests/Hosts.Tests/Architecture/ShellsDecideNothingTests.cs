using System.Reflection;
using System.Reflection.Emit;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Tests.Hosts.Architecture;

/// <summary>
/// The shells — the effects layer, the native login, the ASP.NET Core and Blazor hosts, the console, web and Blazor samples — decide no protocol rule: their
/// compiled code (IL, so no way of writing it escapes) never reads an expiry, a role, a lifetime option or the refresh
/// margin, never names a token role, never classes a Wix error or compares an error's code as a string, never tests a case
/// of the core's errors, requests or states (outside the interpreters, which carry out decisions), never compares or
/// subtracts instants, and never writes the session store (outside the interpreter). They ask the core's queries
/// (<see cref="LoginQueries"/>, <see cref="MemberFormQueries"/>) and feed it events. Each kind of leak has a planted
/// example that the scan must catch.
/// </summary>
public sealed class ShellsDecideNothingTests
{
    private static readonly Assembly[] Shells =
    [
        typeof(WixAuthClient).Assembly,
        typeof(AspNetCore.WixAuthWebOptions).Assembly,
        typeof(SystemBrowser).Assembly,
        typeof(Samples.ConsoleLogin.ConsoleSession).Assembly,
        typeof(Samples.WebSite.WebSiteHost).Assembly,
        typeof(Blazor.WixBrowserLogin).Assembly,
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
        ["Wix.Auth.InMemoryPendingLoginStore", "Wix.Auth.Blazor.BrowserPendingLoginStore"];

    // Where an expiry is read only to be shown: the demo site's home page prints when the token expires, and a login's
    // result (MemberLogin) hands it to its user as the tokens hold it.
    private static readonly string[] ShownOnlyIn = ["Wix.Auth.Samples.WebSite.HomePage", "Wix.Auth.MemberLogin"];

    // The core's closed hierarchies whose cases only the core may tell apart.
    private static readonly Type[] DecidedKinds = [typeof(AuthError), typeof(MemberAuthError), typeof(WixRequest), typeof(LoginState), typeof(MemberFormState)];

    // Options whose values are rules: how long things live and when they are renewed.
    private static readonly MemberInfo[] LifetimeOptions =
    [
        typeof(WixAuthOptions).GetProperty(nameof(WixAuthOptions.PendingLoginTtl))!.GetMethod!,
        typeof(WixAuthOptions).GetProperty(nameof(WixAuthOptions.RefreshMargin))!.GetMethod!,
        typeof(MemberFormSettings).GetProperty(nameof(MemberFormSettings.VerificationTtl))!.GetMethod!,
        typeof(MemberFormSettings).GetProperty(nameof(MemberFormSettings.MaxCodeAttempts))!.GetMethod!,
    ];

    // The options' own translation to the core's settings reads them, as it must.
    private static readonly string[] OptionsTranslation = ["Wix.Auth.WixAuthOptions"];

    // Only the interpreters carry out decisions, and a store may delegate to another store.
    private const string Interpreters = "Wix.Auth.Effects.Interpreter";

    // Writing a request's body is carrying it out: each case has its own wire shape, which these serializers write field by field.
    private static readonly string[] WireWriters = ["Wix.Auth.Effects.Http.WireBody", "Wix.Auth.Effects.Http.MemberWireBody"];

    private static bool IsDecidedKind(Type type) => DecidedKinds.Any(kind => type != kind && type.IsSubclassOf(kind));

    private static bool TakesARole(MemberInfo member) =>
        member is MethodBase method && method.GetParameters().Any(p => p.ParameterType == typeof(TokenRole));

    private static bool IsCodeOfAnError(MemberInfo member) =>
        member is MethodInfo { Name: "get_Code" } getter && getter.DeclaringType is { } t && (typeof(ICodedError).IsAssignableFrom(t) || t == typeof(WixError));

    private static bool ComparesStrings(MemberInfo member) =>
        member is MethodInfo { DeclaringType: var t, Name: "op_Equality" or "op_Inequality" or "Equals" or "StartsWith" or "EndsWith" or "Contains" } && t == typeof(string);

    private static bool WritesASession(MemberInfo member) =>
        member is MethodInfo { Name: nameof(ISessionStore.SetAsync) or nameof(ISessionStore.ClearAsync), DeclaringType: { } t } && typeof(ISessionStore).IsAssignableFrom(t);

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
    public void No_shell_type_tests_the_cores_errors_requests_or_states()
    {
        var offences = ShellMethods().Where(m => !InNamespace(m, Interpreters) && !WireWriters.Contains(OwnerOf(m).FullName)).SelectMany(TypeTests).ToArray();
        Assert.True(offences.Length == 0, "Ask the core (a query, or the decision's own answer) instead of testing a case:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void No_shell_reads_a_lifetime_option_or_names_a_token_role()
    {
        var offences = Uses(m => LifetimeOptions.Contains(m) || TakesARole(m))
            .Where(o => !OptionsTranslation.Any(allowed => o.StartsWith(allowed + ".", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(offences.Length == 0, "Lifetimes and roles are the core's: take them from its decisions:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void No_shell_compares_an_error_code_as_a_string()
    {
        var offences = ShellMethods().SelectMany(CodeComparisons).ToArray();
        Assert.True(offences.Length == 0, "Codes are for people and logs; decide by asking the core:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void Only_the_interpreter_writes_the_session_store()
    {
        var offences = ShellMethods()
            .Where(m => !InNamespace(m, Interpreters) && !typeof(ISessionStore).IsAssignableFrom(OwnerOf(m)))
            .SelectMany(m => MembersUsedBy(m).Where(WritesASession).Select(used => Describe(m, used)))
            .ToArray();
        Assert.True(offences.Length == 0, "Every change of a session is an event through the flow:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_scan_sees_a_rule_decided_in_a_shell()
    {
        // A shell method written the way the rules used to be: the scan must catch each kind of offence in it.
        var used = MembersUsedBy(Planted(nameof(DecidesLikeAShellMustNot))).ToArray();
        Assert.Contains(typeof(AccessToken).GetMethod(nameof(AccessToken.IsExpired))!, used);
        Assert.Contains(typeof(Tokens).GetProperty(nameof(Tokens.Role))!.GetMethod!, used);
        Assert.Contains(typeof(LoginState.Authenticated), used);
        Assert.Contains(used, m => m is MethodInfo { Name: "op_Subtraction", DeclaringType: var t } && t == typeof(DateTimeOffset));
    }

    [Fact]
    public void The_scan_sees_each_kind_of_leak_planted_in_a_shell()
    {
        Assert.Equal(3, TypeTests(Planted(nameof(TypeTestsLikeAShellMustNot))).Count());
        Assert.Contains(MembersUsedBy(Planted(nameof(ReadsLifetimesLikeAShellMustNot))), m => LifetimeOptions.Contains(m));
        Assert.Contains(MembersUsedBy(Planted(nameof(NamesARoleLikeAShellMustNot))), TakesARole);
        Assert.Equal(2, CodeComparisons(Planted(nameof(ComparesCodesLikeAShellMustNot))).Count());
        Assert.Equal(2, MembersUsedBy(Planted(nameof(WritesSessionsLikeAShellMustNot))).Count(WritesASession));
        // And reads or names alone are no offence: an error's code shown, a session read.
        Assert.Empty(CodeComparisons(Planted(nameof(ShowsACodeAsAShellMay))));
        Assert.DoesNotContain(MembersUsedBy(Planted(nameof(ShowsACodeAsAShellMay))), WritesASession);
    }

    private static MethodInfo Planted(string name) =>
        typeof(ShellsDecideNothingTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    private static bool DecidesLikeAShellMustNot(LoginState state, Tokens tokens, DateTimeOffset now, DateTimeOffset began) =>
        state is LoginState.Authenticated && tokens.Role == TokenRole.Member && !tokens.AccessToken.IsExpired(now, TimeSpan.Zero) && now - began > TimeSpan.Zero;

    private static bool TypeTestsLikeAShellMustNot(AuthError error, MemberAuthError member, WixRequest request) =>
        error is AuthError.StateMismatch || member is MemberAuthError.WrongPassword || request is WixRequest.AuthorizationCodeGrant;

    private static TimeSpan ReadsLifetimesLikeAShellMustNot(WixAuthOptions options) => options.PendingLoginTtl;

    private static Tokens NamesARoleLikeAShellMustNot(TokenResponse response, DateTimeOffset now) => response.ToTokens(now, TokenRole.Member);

    private static bool ComparesCodesLikeAShellMustNot(MemberAuthError error, WixError wix) =>
        error.Code == "wrong_password" || string.Equals(wix.Code, "invalid_grant", StringComparison.Ordinal);

    private static ValueTask WritesSessionsLikeAShellMustNot(ISessionStore store, LoginState state)
    {
        _ = store.SetAsync("key", state, CancellationToken.None);
        return store.ClearAsync("key", CancellationToken.None);
    }

    private static string ShowsACodeAsAShellMay(ISessionStore store, MemberAuthError error) =>
        (store.GetAsync("key", CancellationToken.None).IsCompleted ? "read: " : "reading: ") + error.Code;

    // Every method the shells wrote; JSON contexts and configuration binders are generated from declared shapes, and name
    // what those shapes hold.
    private static IEnumerable<MethodBase> ShellMethods() =>
        from assembly in Shells
        from type in assembly.GetTypes()
        where !typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(OwnerOf(type))
            && OwnerOf(type).Namespace != "Microsoft.Extensions.Configuration.Binder.SourceGeneration"
        from method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All))
        where method.DeclaringType == type
        select method;

    // The type a method was written in: an async method's or a lambda's compiler-made class counts as the type around it.
    private static Type OwnerOf(MethodBase method) => OwnerOf(method.DeclaringType!);

    private static Type OwnerOf(Type type) =>
        type.IsNested && (type.Name.StartsWith('<') || type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))) ? OwnerOf(type.DeclaringType!) : type;

    private static bool InNamespace(MethodBase method, string ns) => method.DeclaringType?.FullName?.StartsWith(ns + ".", StringComparison.Ordinal) == true;

    private static string Describe(MethodBase method, MemberInfo used) => $"{method.DeclaringType?.FullName}.{method.Name} uses {used.DeclaringType?.Name}.{used.Name}";

    // isinst, castclass and unbox on a case of one of the core's decided kinds: an `is`, a `switch` arm, a cast.
    private static IEnumerable<string> TypeTests(MethodBase method) =>
        Instructions(method)
            .Where(i => (i.Code == OpCodes.Isinst || i.Code == OpCodes.Castclass || i.Code == OpCodes.Unbox_Any) && i.Operand is Type t && IsDecidedKind(t))
            .Select(i => $"{method.DeclaringType?.FullName}.{method.Name} tests for {((Type)i.Operand!).FullName}");

    // An error's code read and, within the next few instructions, compared with a string.
    private static IEnumerable<string> CodeComparisons(MethodBase method)
    {
        var code = Instructions(method).ToArray();
        for (var i = 0; i < code.Length; i++)
            if (code[i].Operand is { } read && IsCodeOfAnError(read) && code.Skip(i + 1).Take(4).Any(next => next.Operand is { } op && ComparesStrings(op)))
                yield return $"{method.DeclaringType?.FullName}.{method.Name} compares {read.DeclaringType?.Name}.Code";
    }

    private static string[] Uses(Func<MemberInfo, bool> offending) =>
        [.. from method in ShellMethods()
            from used in MembersUsedBy(method)
            where offending(used)
            select Describe(method, used)];

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method) =>
        Instructions(method).Select(i => i.Operand).OfType<MemberInfo>();

    private sealed record Instruction(OpCode Code, MemberInfo? Operand);

    // Walks the method's IL and resolves every member or type token it names (calls, field loads, isinst, castclass, …).
    private static IEnumerable<Instruction> Instructions(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var (typeArgs, methodArgs) = (method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            MemberInfo? member = null;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // A token of a generic context the resolver cannot rebuild names nothing of the core's.
                }
            }
            yield return new Instruction(code, member);
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
