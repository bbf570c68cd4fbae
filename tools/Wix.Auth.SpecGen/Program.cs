using Wix.Auth.SpecGen;

// Usage: dotnet run --project tools/Wix.Auth.SpecGen -- <spec directory>
// Writes every generated file under the directory, then prints the Mermaid diagram for the README.
if (args.Length != 1)
{
    Console.Error.WriteLine($"usage: {SpecFiles.Command}   (the argument is the spec directory)");
    return 2;
}

var root = Path.GetFullPath(args[0]);
foreach (var (path, text) in SpecFiles.Generate())
{
    var full = Path.Combine(root, path);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    File.WriteAllText(full, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    Console.Error.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, full)}");
}
Console.Write(File.ReadAllText(Path.Combine(root, "diagram.mmd")));
return 0;
