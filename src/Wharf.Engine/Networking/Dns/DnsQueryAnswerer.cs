using System.Net;
using System.Net.Sockets;

namespace Wharf.Engine.Networking.Dns;

/// <summary>
/// Decides each query as Docker's resolver does: A/AAAA and PTR for containers answered from
/// <see cref="IDnsRecordSource"/>, a container's name without an address of the asked family answered empty, and
/// everything else left for the upstream resolvers.
/// </summary>
internal sealed class DnsQueryAnswerer(IDnsRecordSource records)
{
    private int _rotation;

    /// <summary>
    /// Answers <paramref name="packet"/> into <paramref name="response"/> (at least 512 bytes) when it can;
    /// <paramref name="responseLength"/> is set for <see cref="DnsDisposition.Reply"/>.
    /// </summary>
    public DnsDisposition Answer(string containerId, ReadOnlySpan<byte> packet, bool overUdp, Span<byte> response, out DnsQuery query, out int responseLength)
    {
        responseLength = 0;
        switch (DnsMessageReader.Parse(packet, out query))
        {
            case DnsParseStatus.Drop:
                return DnsDisposition.Drop;
            case DnsParseStatus.NotImplemented:
                responseLength = DnsResponseWriter.WriteHeaderOnly(query.Id, query.Flags, DnsResponseCode.NotImplemented, response);
                return DnsDisposition.Reply;
            case DnsParseStatus.FormatError:
                responseLength = DnsResponseWriter.WriteHeaderOnly(query.Id, query.Flags, DnsResponseCode.FormatError, response);
                return DnsDisposition.Reply;
        }

        if (query.Class != DnsWire.ClassInternet || query.Name.Length == 0)
        {
            return DnsDisposition.Forward;
        }

        var limit = overUdp ? Math.Min(query.MaxUdpResponseLength, response.Length) : response.Length;
        return (DnsRecordType)query.Type switch
        {
            DnsRecordType.A => AnswerAddress(containerId, packet, query, AddressFamily.InterNetwork, limit, response, out responseLength),
            DnsRecordType.Aaaa => AnswerAddress(containerId, packet, query, AddressFamily.InterNetworkV6, limit, response, out responseLength),
            DnsRecordType.Ptr => AnswerPointer(containerId, packet, query, limit, response, out responseLength),
            _ => DnsDisposition.Forward,
        };
    }

    /// <summary>SERVFAIL for <paramref name="query"/>, Docker's reply when no upstream answered; 0 when the question is unreadable.</summary>
    public static int WriteServerFailure(ReadOnlySpan<byte> packet, in DnsQuery query, Span<byte> response)
    {
        var length = DnsResponseWriter.WriteReplyStart(packet, query, DnsResponseCode.ServerFailure, response);
        return Math.Max(length, 0);
    }

    private DnsDisposition AnswerAddress(
        string containerId, ReadOnlySpan<byte> packet, in DnsQuery query, AddressFamily family, int limit, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        var addresses = records.Lookup(containerId, query.Name);
        if (addresses.Count == 0)
        {
            return DnsDisposition.Forward;
        }

        var position = DnsResponseWriter.WriteReplyStart(packet, query, DnsResponseCode.NoError, response);
        if (position < 0)
        {
            return DnsDisposition.Drop;
        }

        // Rotating the start spreads clients over containers sharing an alias, as Docker's shuffle does.
        var start = (int)((uint)Interlocked.Increment(ref _rotation) % (uint)addresses.Count);
        Span<byte> data = stackalloc byte[16];
        for (var index = 0; index < addresses.Count; index++)
        {
            var address = addresses[(start + index) % addresses.Count];
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            if (address.AddressFamily != family)
            {
                continue;
            }

            address.TryWriteBytes(data, out var written);
            var type = family == AddressFamily.InterNetwork ? DnsRecordType.A : DnsRecordType.Aaaa;
            if (!DnsResponseWriter.TryAppendAnswer(response, ref position, limit, type, DnsWire.ContainerRecordTtl, data[..written]))
            {
                DnsResponseWriter.SetTruncated(response);
                break;
            }
        }

        responseLength = position;
        return DnsDisposition.Reply;
    }

    private DnsDisposition AnswerPointer(string containerId, ReadOnlySpan<byte> packet, in DnsQuery query, int limit, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        if (!DnsReverseName.TryParse(query.Name, out var address))
        {
            return DnsDisposition.Forward;
        }

        var host = records.ReverseLookup(containerId, address!);
        if (host is null)
        {
            return DnsDisposition.Forward;
        }

        var position = DnsResponseWriter.WriteReplyStart(packet, query, DnsResponseCode.NoError, response);
        if (position < 0)
        {
            return DnsDisposition.Drop;
        }

        Span<byte> target = stackalloc byte[DnsWire.MaxNameLength];
        if (DnsName.TryWrite(host, target, out var targetLength)
            && !DnsResponseWriter.TryAppendAnswer(response, ref position, limit, DnsRecordType.Ptr, DnsWire.ContainerRecordTtl, target[..targetLength]))
        {
            DnsResponseWriter.SetTruncated(response);
        }

        responseLength = position;
        return DnsDisposition.Reply;
    }
}
