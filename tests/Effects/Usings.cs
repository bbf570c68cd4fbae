global using LanguageExt;
global using Xunit;
global using static LanguageExt.Prelude;
