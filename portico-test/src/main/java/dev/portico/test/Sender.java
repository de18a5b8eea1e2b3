package dev.portico.test;

/** Where a client's requests go: the application in this JVM, or a server over a socket. */
interface Sender {

    /** Sends one request and reads the whole answer. */
    TestResponse send(Outgoing request);

    /** What a failure message names: {@code in-process} or the base URL. */
    String describe();
}
