using Wix.Auth.SpecGen;
using Wix.Auth.SpecGen.Uts46;

// Usage: dotnet run --project tools/Wix.Auth.SpecGen -- <spec directory>
// Writes every generated file under the directory, then prints the Mermaid diagram for the README.
// Or: dotnet run --project tools/Wix.Auth.SpecGen -- uts46 <tr46 package directory>, from the repository root:
// writes spec/data/uts46.txt from tr46's tables, then the core's table from that file.
if (args is ["uts46", var tr46])
{
    var data = Tr46Source.Read(tr46);
    var dataFile = Path.Combine(Uts46DataFile.Path);
    Directory.CreateDirectory(Path.GetDirectoryName(dataFile)!);
    File.WriteAllText(dataFile, Uts46DataFile.Write(data));
    File.WriteAllText(Path.Combine(Uts46CSharp.Path), Uts46CSharp.Write(Uts46DataFile.Read(File.ReadAllText(dataFile))));
    Console.Error.WriteLine($"wrote {dataFile} and {Path.Combine(Uts46CSharp.Path)} (Unicode {data.UnicodeVersion}, {data.Source})");
    return 0;
}
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
