using JobSheetQA.Bot.Hosting;
using JobSheetQA.Bot.Policy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Hosting;

public sealed class SharedSettingsFileTests
{
    [Fact]
    public void The_host_reads_the_repository_root_appsettings_json()
    {
        using var factory = new WebApplicationFactory<PolicyOptions>();

        var configuration = factory.Services.GetRequiredService<IConfiguration>();

        // A key only the root appsettings.json sets: the project folder (dotnet run's content root) has no settings file.
        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"]);
    }

    [Fact]
    public void Environment_variables_still_override_the_settings_file()
    {
        const string prefix = "JOBSHEETQA_SETTINGS_TEST_";
        Environment.SetEnvironmentVariable(prefix + "Policy__File", "from-environment.yaml");
        try
        {
            var configuration = new ConfigurationManager();
            configuration.AddEnvironmentVariables(prefix);
            configuration.AddSharedSettingsFile();

            Assert.Equal("from-environment.yaml", configuration["Policy:File"]);
            Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Policy__File", null);
        }
    }
}
