/* A TCP sink for bench/networking.sh: accepts one connection on the given port, reads everything with 1 MiB
 * reads, then exits. busybox nc reads a few KiB at a time and would measure itself, not the network path. */
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static char buffer[1 << 20];

int main(int argc, char **argv) {
    struct sockaddr_in address = {0};
    int one = 1, listener, connection;
    if (argc < 2) return 2;
    listener = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    address.sin_family = AF_INET;
    address.sin_port = htons((unsigned short)atoi(argv[1]));
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 1) != 0) return 1;
    connection = accept(listener, NULL, NULL);
    if (connection < 0) return 1;
    while (read(connection, buffer, sizeof buffer) > 0) {
    }
    close(connection);
    return 0;
}
