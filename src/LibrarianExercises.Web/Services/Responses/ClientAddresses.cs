using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using LibrarianExercises.Web.Data;
using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>
/// The one place a client's address becomes a key: a salted hash, so that repeat posters can be told apart without
/// keeping where they are. An IPv6 client is keyed by its /64, the block one subscriber gets, so that rotating
/// addresses inside it does not make a new client. The salt is configured, or made once and kept in the database.
/// </summary>
public sealed class ClientAddresses
{
    private readonly Lazy<byte[]> _salt;

    public ClientAddresses(IOptions<ResponseOptions> options, InstanceSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        var configured = options.Value.ClientHashSalt;
        _salt = new Lazy<byte[]>(() => configured is { Length: > 0 } ? Encoding.UTF8.GetBytes(configured) : secrets.Get(InstanceSecret.ClientHashSalt));
    }

    public string? Hash(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var hash = HMACSHA256.HashData(_salt.Value, KeyOf(address));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The part of an address that names one client: all of IPv4, the first 64 bits of IPv6.</summary>
    public static byte[] KeyOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? bytes[..8] : bytes;
    }
}
