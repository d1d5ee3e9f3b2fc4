package ru.ccbilling.benchmarks;

import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node Kafka broker (KRaft) for the intake benchmark on a machine without Docker: spring-kafka-test's
 * broker, in a JVM of its own, on a fixed port, with the intake's topics. Runs until killed.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar ru.ccbilling.benchmarks.KafkaBroker [port 9092] [partitions 4]</pre>
 */
public final class KafkaBroker {

    private KafkaBroker() { }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.kafkaPorts(port);
        broker.brokerProperty("log.retention.bytes", String.valueOf(4L << 30));
        broker.afterPropertiesSet();
        broker.addTopics(new NewTopic("ccbilling.cdrs", partitions, (short) 1),
                new NewTopic("ccbilling.cdr-outcomes", partitions, (short) 1),
                new NewTopic("ccbilling.cdrs.dead-letters", 1, (short) 1));
        System.out.println("Kafka broker on " + broker.getBrokersAsString() + ", topics " + broker.getTopics());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        new CountDownLatch(1).await();
    }
}
