using System.Globalization;

namespace Integreat.Lists.Bench;

/// <summary>The command line, parsed by hand: <c>--members N --size BYTES --verp on|off --sink smtp-sink|inproc
/// [--connections C] [--warmup M] [--log warning|information] [--timeout SECONDS] [--keep] [--web on|off] [--dkim on|off]</c>.</summary>
sealed record BenchOptions(int Members, int Size, bool Verp, string Sink, int Connections, int TimeoutSeconds, bool Keep, int Warmup, bool LogInformation,
    int IntakePosts = 0, int Clients = 8, bool Web = true, bool Dkim = false)
{
    public const string Usage =
        "usage: integreat-lists-bench --members N --size BYTES --verp on|off --sink smtp-sink|inproc " +
        "[--connections C (default 8, the daemon's Delivery:Connections)] [--warmup M (default 0: a first post to a second list of M members, not measured, " +
        "so the measured post runs on warm JIT-compiled code)] [--log warning|information (default warning; information " +
        "writes the daemon's line per recipient to stderr, as a production daemon does to its console)] [--timeout SECONDS (default 900)] [--keep (keep the temp directory)] " +
        "[--intake POSTS (measure durable intake instead: POSTS posts of --size over --clients concurrent connections, default 8)] " +
        "[--web on|off (default on, as the daemon's default: a web port, so with VERP each copy gets its member's one-click " +
        "List-Unsubscribe, RFC 8058)] [--dkim on|off (default off; on: a 2048-bit key for the list domain, so every copy is DKIM-signed)]";

    /// <summary>Recipients per SMTP transaction: 1 with VERP, else the daemon's batch size of 100.</summary>
    public int RecipientsPerTransaction => Verp ? 1 : Core.Delivering.DeliveryJob.MaxRecipients;

    /// <summary>How many SMTP transactions the daemon makes for one post.</summary>
    public int Transactions => Verp ? Members : (Members + RecipientsPerTransaction - 1) / RecipientsPerTransaction;

    /// <summary>How many delivery jobs the daemon queues for one post (batches of 100).</summary>
    public int Jobs => (Members + Core.Delivering.DeliveryJob.MaxRecipients - 1) / Core.Delivering.DeliveryJob.MaxRecipients;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{arg}'");
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) values[arg[2..eq]] = arg[(eq + 1)..];
            else if (arg is "--keep" or "--help") values[arg[2..]] = "true";
            else if (i + 1 < args.Length) values[arg[2..]] = args[++i];
            else throw new ArgumentException($"{arg} needs a value");
        }
        if (values.ContainsKey("help")) throw new ArgumentException("help");
        foreach (var key in values.Keys)
            if (key is not ("members" or "size" or "verp" or "sink" or "connections" or "timeout" or "keep" or "warmup" or "log" or "intake" or "clients" or "web" or "dkim"))
                throw new ArgumentException($"unknown option --{key}");

        int Int(string key, int? fallback, int min, int max)
        {
            if (!values.TryGetValue(key, out var text))
                return fallback ?? throw new ArgumentException($"--{key} is required");
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw new ArgumentException($"--{key} must be an integer from {min} to {max}");
            return value;
        }

        var verp = values.TryGetValue("verp", out var v) ? v : throw new ArgumentException("--verp is required");
        if (verp is not ("on" or "off")) throw new ArgumentException("--verp must be on or off");
        var sink = values.TryGetValue("sink", out var s) ? s : throw new ArgumentException("--sink is required");
        var log = values.TryGetValue("log", out var l) ? l : "warning";
        if (log is not ("warning" or "information")) throw new ArgumentException("--log must be warning or information");
        if (sink is not ("smtp-sink" or "inproc")) throw new ArgumentException("--sink must be smtp-sink or inproc");
        bool OnOff(string key, bool fallback) => !values.TryGetValue(key, out var text) ? fallback
            : text is "on" or "off" ? text == "on" : throw new ArgumentException($"--{key} must be on or off");
        return new BenchOptions(
            Int("members", null, 1, 10_000_000),
            Int("size", null, 200, 20_000_000),
            verp == "on",
            sink,
            Int("connections", new Core.Configuration.DeliveryOptions().Connections, 1, 100),
            Int("timeout", 900, 1, 86_400),
            values.ContainsKey("keep"),
            Int("warmup", 0, 0, 10_000_000),
            log == "information",
            Int("intake", 0, 0, 10_000_000),
            Int("clients", 8, 1, 1000),
            OnOff("web", true),
            OnOff("dkim", false));
    }
}
