using System.Net;
using Wharf.Engine.Networking.Dns;

namespace Wharf.Engine.Tests.Networking;

public sealed class DnsAnswererTests
{
    private readonly DnsFakeRecordSource _records = new();
    private readonly byte[] _response = new byte[65535];

    public DnsAnswererTests()
    {
        _records.Names["web"] = [IPAddress.Parse("172.20.0.2")];
        _records.Names["dual"] = [IPAddress.Parse("172.20.0.3"), IPAddress.Parse("fd00::3")];
        _records.Hosts[IPAddress.Parse("172.20.0.2")] = "web.frontend";
    }

    [Fact]
    public void A_query_for_a_container_is_answered_with_ttl_600_and_a_pointer_to_the_question()
    {
        var packet = DnsTestMessages.Query(0x1234, "WEB.", DnsTestMessages.TypeA);

        var reply = Answer(packet, overUdp: true);

        Assert.Equal(0x1234, reply.Id);
        Assert.Equal(0, reply.Code);
        Assert.Equal(0x8180, reply.Flags);
        Assert.Equal(1, reply.Questions);
        var answer = Assert.Single(reply.Answers);
        Assert.Equal(DnsTestMessages.TypeA, answer.Type);
        Assert.Equal(600u, answer.Ttl);
        Assert.Equal(0xC00C, answer.OwnerPointer);
        Assert.Equal(new byte[] { 172, 20, 0, 2 }, answer.Data);
        Assert.Contains("WEB", _records.AskedNames);
    }

    [Fact]
    public void Aaaa_query_gets_only_the_ipv6_addresses()
    {
        var reply = Answer(DnsTestMessages.Query(1, "dual", DnsTestMessages.TypeAaaa), overUdp: true);

        var answer = Assert.Single(reply.Answers);
        Assert.Equal(IPAddress.Parse("fd00::3"), new IPAddress(answer.Data));
    }

    [Fact]
    public void A_container_without_an_address_of_the_family_gets_noerror_and_no_answers_as_docker()
    {
        var reply = Answer(DnsTestMessages.Query(1, "web", DnsTestMessages.TypeAaaa), overUdp: true);

        Assert.Equal(0, reply.Code);
        Assert.Empty(reply.Answers);
        Assert.Equal(1, reply.Questions);
    }

    [Fact]
    public void Unknown_names_other_types_and_unknown_addresses_are_forwarded()
    {
        var answerer = new DnsQueryAnswerer(_records);

        Assert.Equal(DnsDisposition.Forward, answerer.Answer("c", DnsTestMessages.Query(1, "nope", DnsTestMessages.TypeA), true, _response, out _, out _));
        Assert.Equal(DnsDisposition.Forward, answerer.Answer("c", DnsTestMessages.Query(1, "web", DnsTestMessages.TypeMx), true, _response, out _, out _));
        Assert.Equal(DnsDisposition.Forward, answerer.Answer("c", DnsTestMessages.Query(1, "9.9.9.9.in-addr.arpa", DnsTestMessages.TypePtr), true, _response, out _, out _));
    }

    [Fact]
    public void Ptr_query_names_the_container()
    {
        var reply = Answer(DnsTestMessages.Query(1, "2.0.20.172.in-addr.arpa", DnsTestMessages.TypePtr), overUdp: true);

        var answer = Assert.Single(reply.Answers);
        Assert.Equal(DnsTestMessages.TypePtr, answer.Type);
        Assert.Equal("web.frontend", DnsTestMessages.NameText(answer.Data));
    }

    [Fact]
    public void Udp_answers_over_512_bytes_are_truncated_with_tc_and_tcp_gets_them_all()
    {
        _records.Names["many"] = [.. Enumerable.Range(1, 40).Select(index => IPAddress.Parse($"10.1.0.{index}"))];
        var packet = DnsTestMessages.Query(1, "many", DnsTestMessages.TypeA);
        var answerer = new DnsQueryAnswerer(_records);

        answerer.Answer("c", packet, overUdp: true, _response, out _, out var udpLength);
        var udp = DnsTestMessages.Read(_response.AsSpan(0, udpLength));
        answerer.Answer("c", packet, overUdp: false, _response, out _, out var tcpLength);
        var tcp = DnsTestMessages.Read(_response.AsSpan(0, tcpLength));

        Assert.True(udpLength <= 512);
        Assert.True(udp.Truncated);
        Assert.InRange(udp.Answers.Count, 20, 39);
        Assert.False(tcp.Truncated);
        Assert.Equal(40, tcp.Answers.Count);
    }

    [Fact]
    public void Edns0_lets_bigger_answers_through_udp()
    {
        _records.Names["many"] = [.. Enumerable.Range(1, 40).Select(index => IPAddress.Parse($"10.1.0.{index}"))];

        var reply = Answer(DnsTestMessages.Query(1, "many", DnsTestMessages.TypeA, ednsPayload: 4096), overUdp: true);

        Assert.False(reply.Truncated);
        Assert.Equal(40, reply.Answers.Count);
    }

    [Fact]
    public void Other_opcodes_get_notimp_and_several_questions_formerr()
    {
        var twoQuestions = DnsTestMessages.Query(9, "web", DnsTestMessages.TypeA);
        twoQuestions[5] = 2;

        Assert.Equal(4, Answer(DnsTestMessages.Query(9, "web", DnsTestMessages.TypeA, flags: 0x1000), overUdp: true).Code);
        Assert.Equal(1, Answer(twoQuestions, overUdp: true).Code);
    }

    [Fact]
    public void Server_failure_keeps_the_question()
    {
        var packet = DnsTestMessages.Query(77, "elsewhere.test", DnsTestMessages.TypeA);
        DnsMessageReader.Parse(packet, out var query);

        var length = DnsQueryAnswerer.WriteServerFailure(packet, query, _response);

        var reply = DnsTestMessages.Read(_response.AsSpan(0, length));
        Assert.Equal(77, reply.Id);
        Assert.Equal(2, reply.Code);
        Assert.Equal(1, reply.Questions);
    }

    private DnsTestReply Answer(byte[] packet, bool overUdp)
    {
        var disposition = new DnsQueryAnswerer(_records).Answer("c", packet, overUdp, _response, out _, out var length);
        Assert.Equal(DnsDisposition.Reply, disposition);
        return DnsTestMessages.Read(_response.AsSpan(0, length));
    }
}
