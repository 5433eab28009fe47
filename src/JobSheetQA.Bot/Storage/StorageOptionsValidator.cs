using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Storage;

/// <summary>Start-up checks for the storage settings; each message names the key to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();

        if (!Enum.IsDefined(options.Provider))
            failures.Add($"{StorageOptions.SectionName}:Provider must be Sqlite or PostgreSql.");

        if (options.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add($"{StorageOptions.SectionName}:DataDirectory must name a folder for the SQLite database (default: data).");

        if (options.Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
            failures.Add($"{StorageOptions.PostgresConnectionStringKey} is required when {StorageOptions.SectionName}:Provider is PostgreSql "
                + "(for example Host=db;Database=jobsheetqa;Username=bot;Password=...).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
