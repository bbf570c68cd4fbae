using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Wix.Auth.Emulator.Endpoints;
using Wix.Auth.Emulator.MemberAuth;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>
/// Every type the emulator reads or writes as JSON, with the web defaults (camelCase, case-insensitive reads,
/// numbers from strings) and enums as kebab-case words: the wire is the same as with reflection, without it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    Converters = [
        typeof(KebabCaseEnumConverter<FaultKind>), typeof(KebabCaseEnumConverter<EmulatorEndpoint>),
        typeof(KebabCaseEnumConverter<AuthorizationKind>), typeof(KebabCaseEnumConverter<OutboxMailKind>)])]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(WixError))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(FaultSpec))]
[JsonSerializable(typeof(ActiveFault))]
[JsonSerializable(typeof(List<ActiveFault>))]
[JsonSerializable(typeof(IReadOnlyList<ActiveFault>))]
[JsonSerializable(typeof(List<RequestLogEntry>))]
[JsonSerializable(typeof(IReadOnlyList<RequestLogEntry>))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
[JsonSerializable(typeof(EmulatorStateSnapshot))]
[JsonSerializable(typeof(AdminEndpoints.ConfigView))]
[JsonSerializable(typeof(DemoMember))]
[JsonSerializable(typeof(MemberAuthEndpoints.MemberView))]
[JsonSerializable(typeof(List<MemberAuthEndpoints.MemberView>))]
[JsonSerializable(typeof(IReadOnlyList<OutboxMail>))]
[JsonSerializable(typeof(MemberAuthSwitches))]
[JsonSerializable(typeof(TokenEndpoint.TokenResponse))]
[JsonSerializable(typeof(TokenInfoEndpoint.InactiveInfo))]
[JsonSerializable(typeof(TokenInfoEndpoint.ActiveInfo))]
[JsonSerializable(typeof(MembersEndpoint.MemberResponse))]
[JsonSerializable(typeof(RedirectSessionEndpoint.RedirectSessionResponse))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;

/// <summary>The body of a plain 400 or 409 from the admin API: <c>{"message"}</c>.</summary>
internal sealed record MessageBody(string Message);

/// <summary>Enum values as kebab-case words (<c>token-exchange</c>), without reflection over the enum.</summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower)
    where TEnum : struct, Enum;
