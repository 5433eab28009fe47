using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace JobSheetQA.Bot.Hosting;

/// <summary>
/// The host's settings file is the repository's root <c>appsettings.json</c>, linked into the build output
/// (docs/configuration.md, "Where settings come from"). <c>dotnet run</c> uses the project folder as content root, where that file is not, so it is
/// read from beside the binaries — placed before environment variables and the command line, which still win.
/// </summary>
public static class SharedSettingsFile
{
    public const string FileName = "appsettings.json";

    public static ConfigurationManager AddSharedSettingsFile(this ConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        var source = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();

        var sources = configuration.Sources;
        var environmentVariables = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is EnvironmentVariablesConfigurationSource);
        sources.Insert(environmentVariables.s is null ? sources.Count : environmentVariables.i, source);
        return configuration;
    }
}
