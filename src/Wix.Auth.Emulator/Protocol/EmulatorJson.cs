using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>JSON settings shared by responses, the admin API and its client: camelCase, enums as kebab-case words.</summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
