using System.Net;
using Wharf.Engine.Networking.Dns;

namespace Wharf.Engine.Tests.Networking;

public sealed class DnsCodecTests
{
    [Fact]
    public void Parse_reads_header_and_question_keeping_the_case()
    {
        var packet = DnsTestMessages.Query(0xBEEF, "Web.Example.", DnsTestMessages.TypeAaaa);

        Assert.Equal(DnsParseStatus.Query, DnsMessageReader.Parse(packet, out var query));

        Assert.Equal(0xBEEF, query.Id);
        Assert.Equal("Web.Example", query.Name);
        Assert.Equal(DnsTestMessages.TypeAaaa, query.Type);
        Assert.Equal(1, query.Class);
        Assert.Equal(packet.Length, query.QuestionEnd);
        Assert.Equal(512, query.MaxUdpResponseLength);
    }

    [Fact]
    public void Parse_takes_the_udp_size_from_an_edns0_record()
    {
        var packet = DnsTestMessages.Query(1, "web", DnsTestMessages.TypeA, ednsPayload: 1232);

        DnsMessageReader.Parse(packet, out var query);

        Assert.Equal(1232, query.MaxUdpResponseLength);
    }

    [Fact]
    public void Parse_drops_responses_and_short_packets_and_refuses_other_opcodes_and_question_counts()
    {
        var response = DnsTestMessages.Query(1, "web", DnsTestMessages.TypeA, flags: 0x8100);
        var update = DnsTestMessages.Query(1, "web", DnsTestMessages.TypeA, flags: 0x2800);
        var twoQuestions = DnsTestMessages.Query(1, "web", DnsTestMessages.TypeA);
        twoQuestions[5] = 2;

        Assert.Equal(DnsParseStatus.Drop, DnsMessageReader.Parse(response, out _));
        Assert.Equal(DnsParseStatus.Drop, DnsMessageReader.Parse(new byte[11], out _));
        Assert.Equal(DnsParseStatus.NotImplemented, DnsMessageReader.Parse(update, out _));
        Assert.Equal(DnsParseStatus.FormatError, DnsMessageReader.Parse(twoQuestions, out _));
    }

    [Fact]
    public void TryRead_follows_a_compression_pointer_backwards()
    {
        // "example" at 12, then at 21 the name "www" + pointer to 12.
        byte[] packet = [.. new byte[12], 7, .. "example"u8, 0, 3, .. "www"u8, 0xC0, 12, 0xFF];
        var wire = new byte[255];

        Assert.True(DnsName.TryRead(packet, 21, wire, out var length, out var end));

        Assert.Equal("www.example", DnsName.ToText(wire.AsSpan(0, length)));
        Assert.Equal(27, end);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 12 })]                 // points at itself
    [InlineData(new byte[] { 0xC0, 14, 0 })]              // points forward
    [InlineData(new byte[] { 1, (byte)'a', 0xC0, 12 })]   // points back into its own labels: a loop
    [InlineData(new byte[] { 0xC0 })]                     // pointer cut short
    [InlineData(new byte[] { 5, (byte)'a', (byte)'b' })]  // label runs past the end
    [InlineData(new byte[] { 1, (byte)'a' })]             // no root label
    [InlineData(new byte[] { 0x41, (byte)'a', 0 })]       // extended label type
    [InlineData(new byte[] { 0x80, 0 })]                  // reserved label type
    public void TryRead_rejects_malformed_names(byte[] name)
    {
        byte[] packet = [.. new byte[12], .. name];

        Assert.False(DnsName.TryRead(packet, 12, new byte[255], out _, out _));
    }

    [Fact]
    public void TryRead_rejects_a_name_longer_than_255_octets()
    {
        var labels = new List<byte>(new byte[12]);
        for (var index = 0; index < 5; index++)
        {
            labels.Add(63);
            labels.AddRange(Enumerable.Repeat((byte)'a', 63));
        }

        labels.Add(0);

        Assert.False(DnsName.TryRead(labels.ToArray(), 12, new byte[255], out _, out _));
    }

    [Fact]
    public void TryRead_rejects_a_chain_of_pointers_that_builds_an_overlong_name()
    {
        // Each name at a higher offset is a 63-octet label plus a pointer to the previous one: legal steps, too long in total.
        var packet = new List<byte>(new byte[12]) { 0 };
        var previous = 12;
        for (var index = 0; index < 5; index++)
        {
            var start = packet.Count;
            packet.Add(63);
            packet.AddRange(Enumerable.Repeat((byte)'b', 63));
            packet.Add((byte)(0xC0 | (previous >> 8)));
            packet.Add((byte)previous);
            previous = start;
        }

        Assert.False(DnsName.TryRead(packet.ToArray(), previous, new byte[255], out _, out _));
    }

    [Theory]
    [InlineData("web", new byte[] { 3, (byte)'w', (byte)'e', (byte)'b', 0 })]
    [InlineData("web.net.", new byte[] { 3, (byte)'w', (byte)'e', (byte)'b', 3, (byte)'n', (byte)'e', (byte)'t', 0 })]
    [InlineData("", new byte[] { 0 })]
    public void TryWrite_writes_labels(string name, byte[] expected)
    {
        var wire = new byte[255];

        Assert.True(DnsName.TryWrite(name, wire, out var written));

        Assert.Equal(expected, wire[..written]);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData(".a")]
    public void TryWrite_refuses_empty_labels(string name) => Assert.False(DnsName.TryWrite(name, new byte[255], out _));

    [Fact]
    public void TryWrite_refuses_overlong_labels_and_names()
    {
        Assert.False(DnsName.TryWrite(new string('a', 64), new byte[255], out _));
        Assert.False(DnsName.TryWrite(string.Join('.', Enumerable.Repeat(new string('a', 63), 4)), new byte[300], out _));
    }

    [Theory]
    [InlineData("4.3.2.172.in-addr.arpa", "172.2.3.4")]
    [InlineData("4.3.2.172.IN-ADDR.ARPA", "172.2.3.4")]
    [InlineData("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "2001:db8::1")]
    public void Reverse_names_give_the_address(string name, string address)
    {
        Assert.True(DnsReverseName.TryParse(name, out var parsed));
        Assert.Equal(IPAddress.Parse(address), parsed);
    }

    [Theory]
    [InlineData("3.2.172.in-addr.arpa")]
    [InlineData("5.4.3.2.172.in-addr.arpa")]
    [InlineData("256.3.2.172.in-addr.arpa")]
    [InlineData("04.3.2.172.in-addr.arpa")]
    [InlineData("x.3.2.172.in-addr.arpa")]
    [InlineData("in-addr.arpa")]
    [InlineData("1.0.ip6.arpa")]
    [InlineData("example.com")]
    public void Other_names_are_not_reverse_names(string name) => Assert.False(DnsReverseName.TryParse(name, out _));

    [Fact]
    public void Random_and_mutated_packets_never_throw()
    {
        var random = new Random(5);
        var answerer = new DnsQueryAnswerer(new DnsFakeRecordSource { Names = { ["web"] = [IPAddress.Parse("10.0.0.2")] } });
        var valid = DnsTestMessages.Query(7, "web", DnsTestMessages.TypeA, ednsPayload: 4096);
        var response = new byte[65535];
        for (var round = 0; round < 20000; round++)
        {
            byte[] packet;
            if (round % 2 == 0)
            {
                packet = (byte[])valid.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    packet[random.Next(packet.Length)] = (byte)random.Next(256);
                }

                packet = packet[..random.Next(packet.Length + 1)];
            }
            else
            {
                packet = new byte[random.Next(64)];
                random.NextBytes(packet);
            }

            var disposition = answerer.Answer("c1", packet, overUdp: true, response, out var query, out var length);
            if (disposition == DnsDisposition.Reply)
            {
                Assert.InRange(length, 12, 512);
            }
            else if (disposition == DnsDisposition.Forward)
            {
                DnsQueryAnswerer.WriteServerFailure(packet, query, response);
            }
        }
    }
}
