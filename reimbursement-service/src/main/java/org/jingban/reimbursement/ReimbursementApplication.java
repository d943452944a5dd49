package org.jingban.reimbursement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReimbursementApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReimbursementApplication.class, args);
    }
}
