using Wix.Auth.Conformance.Files;

namespace Wix.Auth.Conformance;

/// <summary>Every file the runner replays, in the order a port would implement their functions.</summary>
public static class VectorFiles
{
    /// <summary>The files.</summary>
    public static readonly IReadOnlyList<IVectorFile> All =
        [new PkceFile(), new ParseFile(), new TransitionsFile(), new FlowsFile(), new WireFile(), HttpExchangeFile.Http, new QueriesFile(), new UrlsFile(), new ScenariosFile(),
         new FormsFile(), HttpExchangeFile.MemberWire, new FormsScenariosFile()];

    /// <summary>Their names.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];
}
