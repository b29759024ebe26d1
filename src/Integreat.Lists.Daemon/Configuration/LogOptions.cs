namespace Integreat.Lists.Daemon.Configuration;

/// <summary>Settings of section <c>Log</c>: how the daemon writes its log to standard output.</summary>
public sealed class LogOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Log";

    /// <summary>The value of <see cref="Format"/> for one human-readable line per event.</summary>
    public const string Text = "text";

    /// <summary>The value of <see cref="Format"/> for one JSON object per line (for a log collector).</summary>
    public const string Json = "json";

    /// <summary><see cref="Text"/> or <see cref="Json"/>.</summary>
    public string Format { get; set; } = Text;
}
