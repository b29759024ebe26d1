using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Integreat.Lists.Core.Bounces;
using MimeKit;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>bounces</c> commands: <c>parse</c>, which shows what the bounce parser makes of message files, and
/// <c>list</c> and <c>reset</c> (<see cref="BounceScores"/>).</summary>
/// <remarks><c>parse</c> works on files alone: it needs no settings, never opens the store and is never forwarded to the
/// daemon, so it also runs while the daemon holds the store or on a machine without one.</remarks>
internal static class BouncesCommands
{
    /// <summary>Creates the <c>bounces</c> command and its subcommands.</summary>
    /// <param name="admin">Where administrative commands run; inside the daemon, <c>parse</c> is refused, because it
    /// reads files by path and the daemon's files are not the caller's.</param>
    public static Command Build(AdminRunner admin) => new("bounces", "Inspects bounces and other delivery reports, and members' bounce scores.")
    {
        Parse(inDaemon: admin is DaemonAdminRunner),
        BounceScores.List(admin),
        BounceScores.Reset(admin),
    };

    static Command Parse(bool inDaemon)
    {
        var files = new Argument<string[]>("FILE") { Description = "Message files (.eml, or mbox-style with a leading 'From ' line).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per file: file, kind, recipients, status, diagnostic, recogniser." };
        var command = new Command("parse", "Prints, for each file, whether it is a bounce, whom it names and why: " +
            "FILE: KIND RECIPIENTS STATUS (kind permanent, temporary or not-a-bounce; '-' when empty).") { files, json };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (inDaemon) return Refuse(error);
            return Run(parse.GetValue(files)!, parse.GetValue(json), output, error);
        });
        return command;
    }

    static int Refuse(TextWriter error)
    {
        error.WriteLine("error: 'bounces parse' cannot run through the control socket");
        return Cli.BadInput;
    }

    static int Run(string[] files, bool json, TextWriter output, TextWriter error)
    {
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            error.WriteLine($"error: no such file: {string.Join(", ", missing)}");
            return Cli.BadInput;
        }
        var parser = new BounceParser();
        foreach (var file in files)
        {
            BounceReport report;
            try
            {
                report = parser.Parse(MimeMessage.Load(file));
            }
            catch (FormatException ex)
            {
                error.WriteLine($"error: {file} is not a message: {ex.Message.ReplaceLineEndings(" ")}");
                return Cli.BadInput;
            }
            output.WriteLine(json ? Json(file, report) : Plain(file, report));
        }
        return 0;
    }

    /// <summary>The words of <see cref="BounceKind"/> on the command line.</summary>
    static string Word(BounceKind kind) => kind switch
    {
        BounceKind.Permanent => "permanent",
        BounceKind.Temporary => "temporary",
        _ => "not-a-bounce",
    };

    static string Plain(string file, BounceReport report)
        => $"{file}: {Word(report.Kind)} {Words.OrDash(string.Join(",", report.Recipients))} {Words.OrDash(report.Status)}";

    static string Json(string file, BounceReport report)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps '<', '>' and non-ASCII readable; the output is a terminal or a JSON tool, never HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteString("kind", Word(report.Kind));
            writer.WriteStartArray("recipients");
            foreach (var recipient in report.Recipients) writer.WriteStringValue(recipient);
            writer.WriteEndArray();
            writer.WriteString("status", report.Status);
            writer.WriteString("diagnostic", report.Diagnostic);
            writer.WriteString("recogniser", report.Recogniser);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
