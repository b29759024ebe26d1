using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integreat.Lists.Daemon.Control;

/// <summary>The daemon's answer to one forwarded command, sent as one JSON line
/// <c>{"code":0,"stdout":"…","stderr":"…"}</c>.</summary>
/// <param name="Code">The command's exit code.</param>
/// <param name="Stdout">Everything the command wrote to standard output.</param>
/// <param name="Stderr">Everything the command wrote to standard error.</param>
public sealed record ControlReply(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("stdout")] string Stdout,
    [property: JsonPropertyName("stderr")] string Stderr)
{
    /// <summary>The reply as one line of JSON, without the line end.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a reply line.</summary>
    /// <exception cref="JsonException">The line is not a reply.</exception>
    public static ControlReply Parse(string line)
        => JsonSerializer.Deserialize<ControlReply>(line) ?? throw new JsonException("the reply is empty");
}
