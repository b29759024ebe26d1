using Microsoft.Extensions.Configuration;

namespace Integreat.Lists.Daemon.Configuration;

/// <summary>Builds the configuration: the shipped defaults (<c>appsettings.json</c> beside the executable), then
/// the <c>--config</c> file, then environment variables <c>INTEGREAT_LISTS_*</c> (<c>__</c> for nesting).</summary>
public static class SettingsLoader
{
    /// <summary>The prefix of environment variables that override settings.</summary>
    public const string EnvironmentPrefix = "INTEGREAT_LISTS_";

    /// <summary>Loads the layered configuration.</summary>
    /// <param name="configFile">The <c>--config</c> file, or null.</param>
    /// <exception cref="SettingsException">The file does not exist or is not valid JSON.</exception>
    public static IConfigurationRoot Load(string? configFile)
    {
        var builder = new ConfigurationBuilder();
        var defaults = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(defaults)) builder.AddJsonFile(defaults, optional: false, reloadOnChange: false);
        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full)) throw new SettingsException([$"The configuration file {full} does not exist."]);
            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new SettingsException([$"The configuration is not valid JSON: {ex.Message}"]);
        }
    }
}
