using System.Net;

namespace Integreat.Lists.Smtp;

/// <summary>Counts open SMTP connections, in all and per client address, against two caps.</summary>
/// <remarks>SmtpServer buffers a whole DATA phase in memory, so one client holding many connections could take
/// the daemon's memory and every slot; the per-address cap keeps one host from locking everyone else out.</remarks>
public sealed class ConnectionSlots(int maxTotal, int maxPerAddress)
{
    readonly Dictionary<IPAddress, int> _perAddress = [];
    int _total;

    /// <summary>Takes a slot for <paramref name="address"/> when both caps allow it.</summary>
    /// <returns>False when either cap is reached (nothing is taken).</returns>
    public bool TryTake(IPAddress address)
    {
        lock (_perAddress)
        {
            var used = _perAddress.GetValueOrDefault(address);
            if (_total >= maxTotal || used >= maxPerAddress) return false;
            _perAddress[address] = used + 1;
            _total++;
            return true;
        }
    }

    /// <summary>Gives back a slot taken by <see cref="TryTake"/>.</summary>
    public void Release(IPAddress address)
    {
        lock (_perAddress)
        {
            var used = _perAddress.GetValueOrDefault(address);
            if (used <= 1) _perAddress.Remove(address);
            else _perAddress[address] = used - 1;
            _total--;
        }
    }
}
