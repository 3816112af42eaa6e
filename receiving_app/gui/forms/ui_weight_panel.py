# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'weight_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout

class Ui_WeightPanel(object):
    def setupUi(self, WeightPanel):
        if not WeightPanel.objectName():
            WeightPanel.setObjectName(u"WeightPanel")
        self.weightLayout = QVBoxLayout(WeightPanel)
        self.weightLayout.setSpacing(4)
        self.weightLayout.setObjectName(u"weightLayout")
        self.weightLayout.setContentsMargins(6, 4, 6, 4)
        self.readingRow = QHBoxLayout()
        self.readingRow.setObjectName(u"readingRow")
        self.readingLabel = QLabel(WeightPanel)
        self.readingLabel.setObjectName(u"readingLabel")

        self.readingRow.addWidget(self.readingLabel)

        self.stateLabel = QLabel(WeightPanel)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.readingRow.addWidget(self.stateLabel)


        self.weightLayout.addLayout(self.readingRow)

        self.gaugeRow = QHBoxLayout()
        self.gaugeRow.setObjectName(u"gaugeRow")
        self.liveLabel = QLabel(WeightPanel)
        self.liveLabel.setObjectName(u"liveLabel")
        self.liveLabel.setWordWrap(True)
        self.liveLabel.setVisible(False)

        self.gaugeRow.addWidget(self.liveLabel)

        self.fillGauge = QProgressBar(WeightPanel)
        self.fillGauge.setObjectName(u"fillGauge")
        self.fillGauge.setMaximum(100)
        self.fillGauge.setValue(0)

        self.gaugeRow.addWidget(self.fillGauge)


        self.weightLayout.addLayout(self.gaugeRow)

        self.capturedLabel = QLabel(WeightPanel)
        self.capturedLabel.setObjectName(u"capturedLabel")
        self.capturedLabel.setWordWrap(True)

        self.weightLayout.addWidget(self.capturedLabel)

        self.manualRow = QHBoxLayout()
        self.manualRow.setObjectName(u"manualRow")
        self.manualEdit = QLineEdit(WeightPanel)
        self.manualEdit.setObjectName(u"manualEdit")

        self.manualRow.addWidget(self.manualEdit)

        self.captureButton = QPushButton(WeightPanel)
        self.captureButton.setObjectName(u"captureButton")

        self.manualRow.addWidget(self.captureButton)


        self.weightLayout.addLayout(self.manualRow)

        self.problemLabel = QLabel(WeightPanel)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.weightLayout.addWidget(self.problemLabel)


        self.retranslateUi(WeightPanel)

        QMetaObject.connectSlotsByName(WeightPanel)
    # setupUi

    def retranslateUi(self, WeightPanel):
        WeightPanel.setTitle(QCoreApplication.translate("WeightPanel", u"Weight", None))
#if QT_CONFIG(accessibility)
        WeightPanel.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Weight", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.readingLabel.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Scale reading", None))
#endif // QT_CONFIG(accessibility)
        self.readingLabel.setText(QCoreApplication.translate("WeightPanel", u"\u2014 g", None))
#if QT_CONFIG(accessibility)
        self.stateLabel.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Scale state", None))
#endif // QT_CONFIG(accessibility)
        self.stateLabel.setText(QCoreApplication.translate("WeightPanel", u"No reading yet", None))
#if QT_CONFIG(accessibility)
        self.liveLabel.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Live scale reading", None))
#endif // QT_CONFIG(accessibility)
        self.liveLabel.setText("")
#if QT_CONFIG(accessibility)
        self.fillGauge.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Fill level left", None))
#endif // QT_CONFIG(accessibility)
        self.fillGauge.setFormat(QCoreApplication.translate("WeightPanel", u"%p% left", None))
#if QT_CONFIG(accessibility)
        self.capturedLabel.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Captured weight", None))
#endif // QT_CONFIG(accessibility)
        self.capturedLabel.setText(QCoreApplication.translate("WeightPanel", u"Captured: nothing yet", None))
#if QT_CONFIG(accessibility)
        self.manualEdit.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Weight typed by hand", None))
#endif // QT_CONFIG(accessibility)
        self.manualEdit.setPlaceholderText(QCoreApplication.translate("WeightPanel", u"Type a weight, e.g. 812.4 g or 28.6 oz", None))
#if QT_CONFIG(accessibility)
        self.captureButton.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Capture the stable weight", None))
#endif // QT_CONFIG(accessibility)
        self.captureButton.setText(QCoreApplication.translate("WeightPanel", u"Capture", None))
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("WeightPanel", u"Weight problem", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
    # retranslateUi

