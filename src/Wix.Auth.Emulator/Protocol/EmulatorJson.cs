using System.Text.Json.Serialization.Metadata;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>
/// JSON settings shared by responses, the admin API and its client: camelCase, enums as kebab-case words, every
/// type's contract generated at compile time by <see cref="EmulatorJsonContext"/> (trimming- and AOT-safe).
/// </summary>
internal static class EmulatorJson
{
    /// <summary>The generated contract of <typeparamref name="T"/>; throws when the context does not list it.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)EmulatorJsonContext.Default.Options.GetTypeInfo(typeof(T));

    /// <summary>A JSON answer serialized with the generated contract of <typeparamref name="T"/>.</summary>
    public static IResult Result<T>(T value, int? statusCode = null) =>
        Results.Json(value, Info<T>(), statusCode: statusCode);
}
