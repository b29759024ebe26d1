using Integreat.Lists.EndToEnd.Tests.Process;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>Verifies a message with OpenDKIM's <c>opendkim-testmsg</c> (Debian <c>opendkim-tools</c>), an independent
/// implementation of RFC 6376. It finds keys only through the system resolver (<c>/etc/resolv.conf</c>, port 53), so it
/// runs in its own mount and network namespace (<c>unshare</c>) with a private resolv.conf naming 127.0.0.1 and a
/// <c>dnsmasq</c> there serving the one key record: the host's DNS and files stay untouched, and parallel tests do not
/// meet.</summary>
public static class OpendkimVerifier
{
    const string Script = """
        set -u
        dir="$1"; record="$2"
        ip link set lo up || exit 90
        mount --bind "$dir/resolv.conf" /etc/resolv.conf || exit 91
        dnsmasq --conf-file=/dev/null --no-resolv --no-hosts --listen-address=127.0.0.1 --bind-interfaces --port=53 \
          --pid-file="$dir/dnsmasq.pid" --txt-record="$record" || exit 92
        opendkim-testmsg < "$dir/message.eml"
        rc=$?
        kill "$(cat "$dir/dnsmasq.pid")"
        exit $rc
        """;

    /// <summary>Runs <c>opendkim-testmsg</c> on <paramref name="message"/> with <paramref name="record"/> published at
    /// <paramref name="name"/>; exit code 0 means the signature verified (it prints nothing then).</summary>
    public static async Task<ProcessResult> VerifyAsync(byte[] message, string name, string record)
    {
        var directory = Path.Combine(Path.GetTempPath(), "il-opendkim-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "resolv.conf"), "nameserver 127.0.0.1\n");
            await File.WriteAllBytesAsync(Path.Combine(directory, "message.eml"), message);
            await File.WriteAllTextAsync(Path.Combine(directory, "verify.sh"), Script.ReplaceLineEndings("\n") + "\n");
            // A TXT record holds strings of at most 255 bytes (RFC 1035 §3.3.14); dnsmasq takes them comma-separated.
            var strings = string.Join(',', record.Chunk(255).Select(c => new string(c)));
            // As root (CI) a mount and network namespace suffices; otherwise a user namespace maps us to root in it.
            string[] namespaces = Environment.UserName == "root" ? ["-mn"] : ["-rmn"];
            return await ProcessRunner.RunAsync("unshare", [.. namespaces, "sh", Path.Combine(directory, "verify.sh"), directory, $"{name},{strings}"],
                directory, ProcessRunner.DefaultTimeout);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
