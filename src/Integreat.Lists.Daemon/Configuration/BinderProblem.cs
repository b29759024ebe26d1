using System.Text.RegularExpressions;

namespace Integreat.Lists.Daemon.Configuration;

/// <summary>Turns the configuration binder's conversion error into one plain sentence that names the key, the value
/// and what the key takes, instead of .NET type names ("System.TimeSpan").</summary>
internal static partial class BinderProblem
{
    /// <summary>The sentence for <paramref name="error"/>; the binder's own text when it is not a conversion error.</summary>
    public static string Describe(InvalidOperationException error)
    {
        var match = ConversionError().Match(error.Message);
        if (!match.Success) return $"{error.Message} {error.InnerException?.Message}".Trim();
        var (value, key, type) = (match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value);
        return $"{key} is '{value}', but it takes {Expected(type)}.";
    }

    static string Expected(string type)
    {
        var resolved = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(type)).FirstOrDefault(t => t is not null);
        if (resolved is { IsEnum: true }) return "one of " + string.Join(", ", Enum.GetNames(resolved).Select(n => n.ToLowerInvariant()));
        return type switch
        {
            "System.Int32" or "System.Int64" or "System.UInt32" or "System.UInt64" => "a whole number such as 4",
            "System.Double" or "System.Decimal" or "System.Single" => "a number such as 0.5",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration as hh:mm:ss or d.hh:mm:ss, such as 00:05:00 or 1.00:00:00",
            _ => "a value of another form (see config/README.md)",
        };
    }

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex ConversionError();
}
