using System.Reflection;
using Wix.Auth.Tests.Shared;

namespace Wix.Auth.Tests.Hosts.Architecture;

/// <summary>
/// What the packages promise, read from the <c>PublicAPI</c> files the analyzers keep in step with the code: LanguageExt is
/// the core's own language, and a host's user never meets it.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> HostPackages => ["Wix.Auth.Effects", "Wix.Auth.AspNetCore", "Wix.Auth.Blazor", "Wix.Auth.Native"];

    [Theory]
    [MemberData(nameof(HostPackages))]
    public void No_LanguageExt_type_appears_in_the_public_api_of_a_package_outside_the_core(string project)
    {
        var declared = DeclaredApi(project);

        Assert.NotEmpty(declared);
        Assert.DoesNotContain(declared, line => line.Contains("LanguageExt", StringComparison.Ordinal));
    }

    [Fact]
    public void The_core_is_where_LanguageExt_lives_so_the_check_reads_real_declarations()
    {
        // The same reading of the core's files finds it: the check above cannot pass by reading nothing.
        Assert.Contains(DeclaredApi("Wix.Auth.Core"), line => line.Contains("LanguageExt.Option<", StringComparison.Ordinal));
    }

    // The calls a host makes: every core type their signatures reach (a result's value, an error and its cases, a step, a
    // member's identity, what a form sends) is read or built by the host's code, so none of it may be LanguageExt's.
    private static readonly Type[] FrontDoor =
    [
        typeof(WixAuthClient), typeof(MemberAuthClient), typeof(ExternalLoginClient), typeof(WixAuthOptions), typeof(NativeLogin),
        typeof(Blazor.WixBrowserLogin),
    ];

    // A failed call's details from Wix (status, request ID), kept as the core's own record: reached only through an error's
    // case, and read by logs and metrics, not by a host's flow.
    private static readonly Type[] LeftToTheCore = [typeof(Core.Errors.WixError)];

    // What a port carries (a session's state, a pending login, a request to Wix) is the core's, kept and sent as it is: a
    // port's implementer stores it through the core's snapshots and never reads inside it.
    private const string Ports = "Wix.Auth.Effects.Ports";

    [Fact]
    public void What_the_hosts_calls_take_and_answer_holds_no_LanguageExt_type_all_the_way_down()
    {
        var offences = new List<string>();
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(FrontDoor);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type)) continue;
            // The front door's own static calls count (NativeLogin.LoginAsync); a core record's static members are core functions.
            foreach (var (member, used) in Signatures(type, withStatics: FrontDoor.Contains(type)))
            {
                if (used.Namespace?.StartsWith("LanguageExt", StringComparison.Ordinal) == true) offences.Add($"{type.FullName}.{member} uses {used.FullName}");
                else if (used.Assembly.GetName().Name?.StartsWith("Wix.Auth", StringComparison.Ordinal) == true && !LeftToTheCore.Contains(used) && used.Namespace != Ports)
                    queue.Enqueue(used);
            }
        }

        Assert.Contains(typeof(Core.Members.MemberAuthStep.LoggedIn), seen);   // the walk reaches the cases a host reads
        Assert.True(offences.Count == 0, string.Join("\n", offences.Distinct()));
    }

    // Every type a public member of the type takes or gives (generic arguments and arrays opened), and its
    // public nested types (a closed hierarchy's cases).
    private static IEnumerable<(string Member, Type Used)> Signatures(Type type, bool withStatics)
    {
        var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly | (withStatics ? BindingFlags.Static : 0);
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public)) yield return (nested.Name, nested);
        if (type.BaseType is { } baseType) yield return ("base", baseType);
        foreach (var member in type.GetMembers(flags).Where(m => !m.Name.StartsWith('<')))
        {
            var types = member switch
            {
                PropertyInfo p => [p.PropertyType],
                FieldInfo f => [f.FieldType],
                MethodBase m => m.GetParameters().Select(p => p.ParameterType).Concat(m is MethodInfo mi ? [mi.ReturnType] : []),
                _ => Enumerable.Empty<Type>(),
            };
            foreach (var used in types.SelectMany(Opened)) yield return (member.Name, used);
        }
    }

    private static IEnumerable<Type> Opened(Type type) =>
        type.HasElementType ? Opened(type.GetElementType()!)
        : type.IsGenericType ? [type.GetGenericTypeDefinition(), .. type.GetGenericArguments().SelectMany(Opened)]
        : type.IsGenericParameter ? []
        : [type];

    private static List<string> DeclaredApi(string project) =>
        [.. new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(file => File.ReadAllLines(RepoRoot.File("src", project, file)))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))];
}
