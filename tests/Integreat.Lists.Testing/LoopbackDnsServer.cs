using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Integreat.Lists.Testing;

/// <summary>A real DNS server (ARSoft.Tools.Net's <see cref="DnsServer"/>, UDP and TCP) on 127.0.0.53 with a zone
/// held in memory, for tests that go through the daemon's real resolver (<c>Dns:Servers</c> = <see cref="Endpoint"/>).</summary>
/// <remarks>A name with records answers them; a name with records of other types answers NODATA; any other name
/// answers NXDOMAIN. ARSoft cannot bind port 0 and report it, so a random high port is tried until one binds.</remarks>
public sealed class LoopbackDnsServer : IDisposable
{
    static readonly IPAddress Address = IPAddress.Parse("127.0.0.53");
    readonly Dictionary<DomainName, List<DnsRecordBase>> _zone = [];
    readonly DnsServer _server;

    LoopbackDnsServer(int port)
    {
        Port = port;
        _server = new DnsServer(new UdpServerTransport(new IPEndPoint(Address, port), 5000), new TcpServerTransport(new IPEndPoint(Address, port), 5000, 5000));
        _server.QueryReceived += OnQueryAsync;
        _server.Start();
    }

    /// <summary>The UDP and TCP port.</summary>
    public int Port { get; }

    /// <summary>The server as <c>address:port</c>, for <c>Dns:Servers</c>.</summary>
    public string Endpoint => $"{Address}:{Port}";

    /// <summary>How many questions were answered.</summary>
    public int Queries { get; private set; }

    /// <summary>Starts on a free port of 127.0.0.53.</summary>
    public static LoopbackDnsServer Start()
    {
        for (var tries = 0; ; tries++)
        {
            try
            {
                return new LoopbackDnsServer(Random.Shared.Next(20_000, 60_000));
            }
            catch (SocketException) when (tries < 20)
            {
                // Taken; try another port.
            }
        }
    }

    /// <summary>Adds a TXT record (one string; longer than 255 bytes it is split as a zone file would).</summary>
    public LoopbackDnsServer AddTxt(string name, string text, int ttl = 300)
        => Add(new TxtRecord(DomainName.Parse(name), ttl, text.Chunk(255).Select(c => new string(c))));

    /// <summary>Adds an MX record; an empty exchange is the null MX of RFC 7505.</summary>
    public LoopbackDnsServer AddMx(string domain, int preference, string exchange, int ttl = 300)
        => Add(new MxRecord(DomainName.Parse(domain), ttl, (ushort)preference, exchange.Length == 0 ? DomainName.Root : DomainName.Parse(exchange)));

    /// <summary>Adds an A record.</summary>
    public LoopbackDnsServer AddA(string name, string address, int ttl = 300)
        => Add(new ARecord(DomainName.Parse(name), ttl, IPAddress.Parse(address)));

    LoopbackDnsServer Add(DnsRecordBase record)
    {
        lock (_zone)
        {
            if (!_zone.TryGetValue(record.Name, out var records)) _zone[record.Name] = records = [];
            records.Add(record);
        }
        return this;
    }

    Task OnQueryAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query || query.Questions.Count != 1) return Task.CompletedTask;
        var question = query.Questions[0];
        var response = query.CreateResponseInstance();
        lock (_zone)
        {
            Queries++;
            if (_zone.TryGetValue(question.Name, out var records))
                response.AnswerRecords.AddRange(records.Where(r => r.RecordType == question.RecordType));
            else
                response.ReturnCode = ReturnCode.NxDomain;
        }
        e.Response = response;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose() => _server.Stop();
}
