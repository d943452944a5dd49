package org.jingban.transfer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * transfer-service 关系转移接续 (主项三): 出具《参保凭证》 622036003001 and 转移接续手续办理 622036003002. Each package's
 * {@code @ConfigurationProperties} are found by the scan, so that this root package imports none of its packages.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TransferServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TransferServiceApplication.class, args);
    }
}
