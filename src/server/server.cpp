// placeholder until the server lands
namespace wb { int server_placeholder() { return 0; } }
