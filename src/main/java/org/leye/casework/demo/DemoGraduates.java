package org.leye.casework.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.Gender;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.GraduateChanges;
import org.leye.casework.graduates.RegisterGraduate;
import org.leye.casework.graduates.Source;
import org.leye.casework.graduates.SyntheticResidentIds;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.Role;
import org.leye.casework.shared.CityTime;
import org.leye.casework.tasks.CaseTask;
import org.leye.casework.tasks.OpenTasks;
import org.leye.casework.tasks.TaskList;
import org.leye.casework.tasks.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo profile's graduates: realistic but fictitious people (valid, invented ID numbers)
 * across the seven districts, some in difficulty, some not willing to work, with cases at
 * different steps of the 131 service. Seeded once, into an empty registry.
 */
@Component
@Profile("demo")
@Order(10)
class DemoGraduates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGraduates.class);

    private static final String[] SURNAMES = { "李", "王", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "罗", "高", "梁", "谢", "邓", "冯", "曾", "彭", "余", "甄", "司徒", "欧阳" };
    private static final String[] GIVEN = { "子轩", "浩然", "梓涵", "欣怡", "俊杰", "嘉欣", "宇航", "诗琪", "志强", "晓彤", "家豪",
            "雨桐", "伟杰", "思颖", "明辉", "慧敏", "文博", "婉婷", "振宇", "佩珊", "锦华", "海燕", "国栋", "美玲" };
    private static final String[] DISTRICTS = { "440703", "440704", "440705", "440781", "440783", "440784", "440785" };
    private static final String[] UNIVERSITIES = { "五邑大学", "江门职业技术学院", "广东江门中医药职业学院", "广东南方职业学院",
            "广东江门幼儿师范高等专科学校", "中山大学", "华南理工大学", "广东工业大学", "暨南大学", "广州大学" };
    private static final String[] MAJORS = { "计算机科学与技术", "机械设计制造及其自动化", "会计学", "电子商务", "护理", "学前教育",
            "土木工程", "英语", "市场营销", "中药学", "电气工程及其自动化", "汉语言文学" };

    private final GraduateChanges graduates;
    private final org.leye.casework.cases.CaseLifecycle cases;
    private final GraduateRegistry registry;
    private final OpenTasks openTasks;
    private final TaskList taskList;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final int count;
    private final Clock clock;

    DemoGraduates(GraduateChanges graduates, GraduateRegistry registry, OpenTasks openTasks, TaskList taskList,
            TransactionTemplate tx, ObjectMapper json, @Value("${leye.demo.graduates:200}") int count,
            org.leye.casework.cases.CaseLifecycle cases, Clock clock) {
        this.cases = cases;
        this.graduates = graduates;
        this.registry = registry;
        this.openTasks = openTasks;
        this.taskList = taskList;
        this.tx = tx;
        this.json = json;
        this.count = count;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (count <= 0 || graduates.count() > 0) {
            return;
        }
        Random rnd = new Random(20230731L);
        int year = CityTime.today(clock).getYear();
        for (int i = 0; i < count; i++) {
            String district = DISTRICTS[i % DISTRICTS.length];
            Gender gender = rnd.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            LocalDate birth = LocalDate.of(year - 22 - rnd.nextInt(4), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            String idNumber = SyntheticResidentIds.next(rnd, district, birth, gender);
            List<Difficulty> difficulties = new ArrayList<>();
            if (rnd.nextInt(6) == 0) {
                difficulties.add(Difficulty.values()[rnd.nextInt(Difficulty.values().length)]);
                if (rnd.nextInt(4) == 0) {
                    difficulties.add(Difficulty.DISABILITY);
                }
            }
            RegisterGraduate command = new RegisterGraduate(
                    SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)], idNumber, gender,
                    "13" + (5 + rnd.nextInt(5)) + String.format("%08d", rnd.nextInt(100_000_000)),
                    UNIVERSITIES[rnd.nextInt(UNIVERSITIES.length)], MAJORS[rnd.nextInt(MAJORS.length)],
                    Degree.values()[1 + rnd.nextInt(3)], year - rnd.nextInt(2), district, null,
                    difficulties.stream().distinct().toList(),
                    Source.values()[rnd.nextInt(4)], rnd.nextInt(10) != 0);
            CurrentUser registrar = new CurrentUser("cw.demo." + district, "演示数据", Role.CASEWORKER, district, null);
            try {
                tx.executeWithoutResult(s -> registry.register(command, registrar));
            } catch (RuntimeException duplicate) {
                log.debug("Skipped a demo graduate: {}", duplicate.getClass().getSimpleName());
            }
        }
        advanceSomeCases(rnd);
        placeSome(rnd);
        log.info("Demo data: {} graduates registered", graduates.count());
    }

    /** Takes a share of the cases through first contact and guidance, so the inbox shows every kind of task. */
    private void advanceSomeCases(Random rnd) {
        List<CaseTask> firstContacts = openTasks.ofType(TaskType.FIRST_CONTACT);
        for (CaseTask task : firstContacts) {
            int step = rnd.nextInt(4);
            if (step == 0) {
                continue;
            }
            CurrentUser worker = new CurrentUser("cw.demo." + task.getDistrictCode(), "演示数据", Role.CASEWORKER,
                    task.getDistrictCode(), null);
            String willingness = step == 3 && rnd.nextInt(3) == 0 ? "FURTHER_STUDY" : "WANTS_JOB";
            complete(task.getId(), "{\"reached\":true,\"willingness\":\"" + willingness + "\",\"note\":\"电话联系\"}", worker);
            if (step >= 2 && "WANTS_JOB".equals(willingness)) {
                openTasks.ofCase(task.getCaseId()).stream().filter(t -> t.getType() == TaskType.GUIDANCE)
                        .findFirst()
                        .ifPresent(g -> complete(g.getId(), "{\"date\":\"" + CityTime.today(clock).minusDays(rnd.nextInt(10))
                                + "\",\"topic\":\"求职规划与简历指导\"}", worker));
            }
        }
    }

    /** About a third of the graduates have found their destination, so that reports show a rate. */
    private void placeSome(Random rnd) {
        String[][] destinations = { { "11", "江门市某电子科技有限公司" }, { "10", "广东某建设集团" }, { "12", "江门市某连锁超市" },
                { "75", "自主创业网店" }, { "80", null }, { "76", "自由撰稿" }, { "70", null } };
        for (Long id : graduates.allIds()) {
            if (rnd.nextInt(3) != 0) {
                continue;
            }
            String[] d = destinations[rnd.nextInt(destinations.length)];
            try {
                tx.executeWithoutResult(s -> {
                    var graduate = graduates.get(id);
                    CurrentUser worker = new CurrentUser("cw.demo." + graduate.districtCode(), "演示数据", Role.CASEWORKER,
                            graduate.districtCode(), null);
                    cases.registerDestination(id, d[0], false, CityTime.today(clock).minusDays(rnd.nextInt(60)), d[1], worker);
                });
            } catch (RuntimeException e) {
                log.warn("Demo destination not registered for graduate {}: {}", id, e.getClass().getSimpleName());
            }
        }
    }

    private void complete(String taskId, String form, CurrentUser worker) {
        try {
            taskList.complete(taskId, json.readTree(form), worker);
        } catch (Exception e) {
            log.warn("Demo task {} not completed: {}", taskId, e.getClass().getSimpleName());
        }
    }
}
