using System.Net.Sockets;
using Integreat.Lists.Smtp;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary>Checks, before anything is opened or written, that every SMTP listen address can be bound, so that a port
/// already in use (usually a second instance) ends start-up with one sentence instead of a failed host.</summary>
static class ListenPreflight
{
    /// <summary>The problems, one sentence each; empty when every address (<c>address:port</c>) is free.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<string> listen)
    {
        var problems = new List<string>();
        foreach (var text in listen)
        {
            var endpoint = SmtpServerFactory.ParseEndpoint(text);
            if (endpoint.Port == 0) continue;
            try
            {
                using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(endpoint);
            }
            catch (SocketException ex)
            {
                problems.Add($"Smtp:Listen {text} cannot be bound ({ex.SocketErrorCode}): is another instance or mail server " +
                             "using that port? Stop it or set another address with INTEGREAT_LISTS_Smtp__Listen__0.");
            }
        }
        return problems;
    }
}
