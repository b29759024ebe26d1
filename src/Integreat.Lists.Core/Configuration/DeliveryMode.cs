namespace Integreat.Lists.Core.Configuration;

/// <summary>Where outgoing mail goes (<see cref="DeliveryOptions.Mode"/>).</summary>
public enum DeliveryMode
{
    /// <summary>Everything to one relay, <see cref="DeliveryOptions.SmartHost"/>.</summary>
    SmartHost,

    /// <summary>Directly to each recipient domain's MX hosts (RFC 5321 §5.1).</summary>
    Mx,

    /// <summary>One file per transaction in <see cref="DeliveryOptions.PickupDirectory"/>.</summary>
    Pickup,
}
