using System.Net;
using System.Net.Sockets;

namespace Wharf.Engine.Networking.Ports;

/// <summary>One reserved host port and the socket that holds it (null for SCTP, held in the books only).</summary>
internal sealed record HeldPort(string Protocol, IPAddress Address, int Port, Socket? Socket);
